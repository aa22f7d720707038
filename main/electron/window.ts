// The one window: sandboxed, isolated, no Node, a strict CSP, and no way to navigate away
// from the app or open new windows.

import { BrowserWindow, session, shell } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const RENDERER_URL = process.env['ELECTRON_RENDERER_URL'];
const INDEX_FILE = path.join(import.meta.dirname, '../renderer/index.html');
const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

export function isAppUrl(url: string): boolean {
  if (RENDERER_URL) return url.startsWith(RENDERER_URL);
  return url.split('#')[0] === pathToFileURL(INDEX_FILE).href;
}

export function createMainWindow(): BrowserWindow {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  const window = new BrowserWindow({
    width: 1100,
    height: 720,
    minWidth: 560,
    minHeight: 400,
    title: 'Tsuzuki',
    show: false,
    webPreferences: {
      preload: path.join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(({ url }) => {
    // Links leave the app for the user's browser; the app never opens windows of its own.
    if (/^https?:\/\//i.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  if (RENDERER_URL) void window.loadURL(RENDERER_URL);
  else void window.loadFile(INDEX_FILE);
  return window;
}
