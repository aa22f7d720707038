// The one window: sandboxed, isolated, no Node, served from app://tsuzuki/ with a strict CSP,
// and no way to navigate away from the app or open new windows. The rules themselves live
// in main/host (tested there).

import { app, BrowserWindow, session, shell } from 'electron';
import path from 'node:path';
import { APP_INDEX_URL } from '../host/app-protocol.ts';
import { appUrlMatcher } from '../host/app-url.ts';
import { contentSecurityPolicy, externalLink } from '../host/page-policy.ts';
import { iconPath } from './desktop-presence.ts';

// Set by `electron-vite dev` only; a packaged app always loads its own files.
const DEV_SERVER_URL = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
/** The built renderer (inside app.asar when packaged), served as app://tsuzuki/ (see app-protocol.ts). */
export const rendererDir = () => path.join(app.getAppPath(), 'out', 'renderer');

export const isAppUrl = appUrlMatcher({ devServerUrl: DEV_SERVER_URL, indexUrl: APP_INDEX_URL });

/** Session-wide rules, set once before any page loads. */
export function hardenSession(): void {
  const ses = session.defaultSession;
  // The built page gets its policy from the app:// handler; the dev server's page (which
  // needs a looser one, see there) gets it added to the dev server's answers.
  if (DEV_SERVER_URL) {
    const policy = contentSecurityPolicy({ devServer: DEV_SERVER_URL });
    ses.webRequest.onHeadersReceived((details, callback) => {
      if (!isAppUrl(details.url)) return callback({});
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] } });
    });
  }
  // A download list needs no camera, microphone, notifications prompt, or anything else.
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
}

/** Rules for every web contents the app ever creates (the window and anything it tries to spawn). */
export function guardContents(contents: Electron.WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // Links leave the app for the user's browser; the app never opens windows of its own.
    const link = externalLink(url);
    if (link) void shell.openExternal(link);
    return { action: 'deny' };
  });
}

export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1100,
    height: 720,
    minWidth: 560,
    minHeight: 400,
    title: 'Tsuzuki',
    icon: iconPath('icon.png'),
    show: false,
    webPreferences: {
      preload: path.join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(DEV_SERVER_URL ?? APP_INDEX_URL);
  return window;
}
