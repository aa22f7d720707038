// The desktop app's main process: a thin shell that gives the engine a window and a place
// on the desktop (tray, taskbar, notifications). Everything that can run without Electron
// lives in main/host and main/engine and is tested there.

import { app, session, BrowserWindow, dialog, ipcMain, shell } from 'electron';
import ElectronStore from 'electron-store';
import path from 'node:path';
import { eventChannel, type EventName, type EventPayloads } from '../contract.ts';
import { DownloadManager } from '../engine/download-manager.ts';
import { createI18n, describeError, matchLocale, resolveChoice } from '../../i18n/index.ts';
import { toErrorInfo } from '../engine/errors.ts';
import { PRIVATE_FILE_MODE, tightenPrivate } from '../engine/private-state.ts';
import type { StoreProvider } from '../engine/store.ts';
import type { Platform } from '../host/handlers.ts';
import { startBrowserHandoff } from '../host/extension/desktop-handoff.ts';
import { followSystemProxy } from '../host/desktop/system-proxy.ts';
import { installLastResort } from '../host/last-resort.ts';
import { needsOpenConfirmation } from '../host/open-warning.ts';
import { notAddedText, openWarningText } from '../host/desktop/words.ts';
import { registerIpc, trustedSender } from '../host/ipc-bridge.ts';
import { SnapshotBatcher } from '../host/snapshot-batcher.ts';
import { urlsInArgv } from '../host/urls-in-argv.ts';
import { writeJsonText } from '../stores/json-text.ts';
import { installAppMenu } from './app-menu.ts';
import { registerAppScheme, serveApp } from './app-protocol.ts';
import { keepRunningInTray } from './close-to-tray.ts';
import { DesktopPresence } from './desktop-presence.ts';
import { followSystem } from './system-events.ts';
import { createMainWindow, guardContents, hardenSession, isAppUrl, rendererDir } from './window.ts';

// A stray error is logged, never a crash dialog that takes every download down with it.
installLastResort((line) => console.error(`Tsuzuki: ${line}`));

// Every renderer is sandboxed, whatever a window's own options say.
app.enableSandbox();
registerAppScheme();
// Windows shows notifications only for an app with an id (the installer sets the same one).
if (process.platform === 'win32') app.setAppUserModelId('app.tsuzuki.desktop');

if (!app.requestSingleInstanceLock()) {
  // Another Tsuzuki is running: it receives our URLs through 'second-instance'.
  app.quit();
} else {
  // Listen at once, so URLs from a second launch during startup are not lost.
  const early: string[] = urlsInArgv(process.argv.slice(1));
  let onSecondInstance: (urls: string[]) => void = (urls) => void early.push(...urls);
  app.on('second-instance', (_event, argv) => onSecondInstance(urlsInArgv(argv.slice(1))));
  app.on('web-contents-created', (_event, contents) => guardContents(contents));
  void start(early, (handler) => (onSecondInstance = handler));
}

async function start(early: string[], setSecondInstanceHandler: (handler: (urls: string[]) => void) => void): Promise<void> {
  await app.whenReady();
  hardenSession();
  // Before any download starts: the engine reads the proxy from the environment per request.
  await followSystemProxy((url) => session.defaultSession.resolveProxy(url), process.env);
  serveApp(rendererDir());
  const i18n = createI18n(matchLocale(app.getPreferredSystemLanguages()));
  installAppMenu(i18n);

  const dir = path.join(app.getPath('userData'), 'downloads-state');
  const store: StoreProvider = {
    dir,
    // Private from the first byte, as under conf (main/stores/conf-store.ts says why).
    open: (folder, name) => {
      const doc = new ElectronStore<Record<string, unknown>>({ cwd: folder, name, accessPropertiesByDotNotation: false, serialize: writeJsonText, configFileMode: PRIVATE_FILE_MODE });
      tightenPrivate(doc.path);
      return doc;
    },
  };
  let manager: DownloadManager;
  try {
    manager = await DownloadManager.open({ store, defaults: { dir: app.getPath('downloads') } });
  } catch (error) {
    dialog.showErrorBox(i18n.t('desktop.startFailed'), describeError(i18n, toErrorInfo(error)));
    app.exit(1);
    return;
  }
  // The language chosen in Settings, else the system's; a change re-words the menus at once
  // (registered before the tray's listener, so the tray refreshes in the new language).
  const speak = (choice: string) => {
    const language = resolveChoice(choice, app.getPreferredSystemLanguages());
    if (language === i18n.language) return;
    void i18n.changeLanguage(language);
    installAppMenu(i18n);
  };
  speak(manager.getSettings().language);
  manager.on('settings', (settings) => speak(settings.language));

  let window: BrowserWindow | undefined;
  const showWindow = () => {
    if (!window) {
      window = createMainWindow();
      window.on('closed', () => (window = undefined));
      presence.refresh();
    } else {
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
    }
  };
  const send = <E extends EventName>(event: E, payload: EventPayloads[E]) => {
    if (window && !window.webContents.isDestroyed()) window.webContents.send(eventChannel(event), payload);
  };
  const reveal = (id: string) => {
    const opened = window === undefined;
    showWindow();
    // A window opened just now hears it once its page has loaded.
    if (opened) window?.webContents.once('did-finish-load', () => send('reveal', { id }));
    else send('reveal', { id });
  };
  const presence = new DesktopPresence(manager, { i18n, window: () => window, showWindow, reveal, quit: () => app.quit() });

  const platform: Platform = {
    openFile: async (file) => {
      if (needsOpenConfirmation(path.basename(file), process.platform)) {
        const question = openWarningText(i18n, path.basename(file));
        const options: Electron.MessageBoxOptions = { type: 'warning', ...question, defaultId: 1, cancelId: 1, noLink: true };
        const answer = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
        if (answer.response !== 0) return;
      }
      const error = await shell.openPath(file);
      if (error) throw new Error(error);
    },
    showInFolder: async (file) => shell.showItemInFolder(file),
    chooseFolder: async (defaultPath) => {
      const options: Electron.OpenDialogOptions = { defaultPath, properties: ['openDirectory', 'createDirectory'] };
      const picked = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return picked.canceled ? null : (picked.filePaths[0] ?? null);
    },
    desktopSettings: true,
  };
  const handoff = startBrowserHandoff({ manager, platform, store, onPairings: (view) => send('pairings', view) });
  registerIpc(ipcMain, handoff.handlers, trustedSender(() => window?.webContents, isAppUrl));
  const batcher = new SnapshotBatcher((payload) => send('items', payload));
  manager.on('items', (payload) => batcher.push(payload));
  manager.on('settings', (payload) => send('settings', payload));
  const stopFollowing = followSystem(manager);

  // A link given on a command line that the engine refuses (the folder is gone, the list is
  // full) is said in a notification: there is no window of its own to say it in.
  const addUrls = (urls: string[]) => {
    if (urls.length === 0) return;
    const { rejected } = manager.add(urls);
    if (rejected.length === 0) return;
    const { title, body } = notAddedText(i18n, rejected);
    presence.notify(title, body, showWindow);
  };
  addUrls(early);
  setSecondInstanceHandler((urls) => {
    addUrls(urls);
    showWindow();
  });
  // Started at login (--hidden; macOS says so itself), the app waits in the tray; without a tray it opens.
  const atLogin = process.argv.includes('--hidden') || (process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin);
  if (!(atLogin && presence.tray)) showWindow();

  app.on('activate', showWindow);
  keepRunningInTray({ manager, presence, userData: app.getPath('userData'), i18n });
  // A logout or `kill` quits the same way as the menu: through before-quit.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => app.quit());

  // Quitting pauses every download and flushes its checkpoint before the process ends.
  let closing = false;
  app.on('before-quit', (event) => {
    if (closing) return;
    event.preventDefault();
    closing = true;
    batcher.stop();
    stopFollowing();
    presence.stop();
    void Promise.all([handoff.close(), manager.close()]).finally(() => app.exit(0));
  });
}
