// Started at login (--hidden, as the login item and the Linux autostart entry start it), the
// desktop app (fake electron) opens no window: it waits in the tray, whose menu brings it.

import assert from 'node:assert/strict';
import path from 'node:path';
import { it } from 'node:test';
import { tempWorkspace } from '../support/files.ts';
import { loadShell, until } from './electron-shell/load-shell.ts';

it('starts in the tray with --hidden, and Show Tsuzuki opens the window', async () => {
  const ws = tempWorkspace('tsuzuki-shell-');
  const electron = await loadShell({ userData: path.join(ws.root, 'userData'), downloads: ws.downloads, argv: ['--hidden'] });
  electron.app.becomeReady();
  const tray = await until(() => electron.record.trays[0]?.menu && electron.record.trays[0], 'the tray and its menu');
  // The engine is open (IPC registered) but no window was made.
  await until(() => electron.ipcMain.handlers.size > 0 || undefined, 'the IPC handlers');
  assert.equal(electron.record.windows.length, 0);
  tray.menu!.click('show');
  assert.equal(electron.record.windows.length, 1);
  electron.app.quit();
  assert.equal(await until(() => electron.record.exitCode, 'exit'), 0);
  ws.cleanup();
});
