// A second launch of the desktop app (fake electron): it does not get the single-instance
// lock, so it quits at once, before opening a window or the engine (Electron hands its
// command line to the first instance through 'second-instance').

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';
import { tempWorkspace } from '../support/files.ts';
import { loadShell } from './electron-shell/load-shell.ts';

it('a second instance quits without a window, IPC or engine', async () => {
  const ws = tempWorkspace('tsuzuki-shell-');
  const electron = await loadShell({ userData: path.join(ws.root, 'userData'), downloads: ws.downloads, argv: ['https://example.com/a.iso'], singleInstance: false });
  electron.app.becomeReady();
  await new Promise((resolve) => setTimeout(resolve, 100));
  assert.equal(electron.record.quitCalls, 1);
  assert.equal(electron.record.windows.length, 0);
  assert.equal(electron.ipcMain.handlers.size, 0);
  assert.equal(fs.existsSync(path.join(ws.root, 'userData')), false, 'no state folder touched');
  ws.cleanup();
});
