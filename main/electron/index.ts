// The desktop app's main process: a thin shell that gives the engine a window. Everything
// that can run without Electron lives in main/host and main/engine and is tested there.

import { app, BrowserWindow, ipcMain, session, shell } from 'electron';
import ElectronStore from 'electron-store';
import path from 'node:path';
import { DownloadManager } from '../engine/download-manager.ts';
import type { StoreProvider } from '../engine/store.ts';
import { createHandlers } from '../host/handlers.ts';
import { eventChannel, registerIpc, trustedSender } from '../host/ipc-bridge.ts';
import { SnapshotBatcher } from '../host/snapshot-batcher.ts';
import { urlsInArgv } from '../host/urls-in-argv.ts';
import { createMainWindow, isAppUrl } from './window.ts';

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void start();
}

async function start(): Promise<void> {
  await app.whenReady();
  const dir = path.join(app.getPath('userData'), 'downloads-state');
  const store: StoreProvider = {
    dir,
    open: (folder, name) => new ElectronStore<Record<string, unknown>>({ cwd: folder, name, accessPropertiesByDotNotation: false }),
  };
  const manager = await DownloadManager.open({ store, defaults: { dir: app.getPath('downloads') } });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));

  let window: BrowserWindow | undefined = createMainWindow();
  window.on('closed', () => (window = undefined));
  registerIpc(
    ipcMain,
    createHandlers(manager, {
      openFile: async (file) => {
        const error = await shell.openPath(file);
        if (error) throw new Error(error);
      },
      showInFolder: async (file) => shell.showItemInFolder(file),
    }),
    trustedSender(() => window?.webContents, isAppUrl),
  );
  const batcher = new SnapshotBatcher((payload) => window?.webContents.send(eventChannel('items'), payload));
  manager.on('items', (payload) => batcher.push(payload));
  manager.on('settings', (payload) => window?.webContents.send(eventChannel('settings'), payload));

  manager.add(urlsInArgv(process.argv.slice(1)));
  app.on('second-instance', (_event, argv) => {
    const urls = urlsInArgv(argv.slice(1));
    if (urls.length > 0) manager.add(urls);
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  app.on('activate', () => {
    window ??= createMainWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Quitting pauses every download and flushes its checkpoint before the process ends.
  let closing = false;
  app.on('before-quit', (event) => {
    if (closing) return;
    event.preventDefault();
    closing = true;
    batcher.stop();
    void manager.close().finally(() => app.exit(0));
  });
}
