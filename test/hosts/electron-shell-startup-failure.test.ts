// The desktop app (fake electron) when its engine cannot open, here because another
// process holds its state folder: the user gets a dialog saying so, and the app exits 1
// instead of showing a window that cannot work.

import assert from 'node:assert/strict';
import path from 'node:path';
import { it } from 'node:test';
import { tempWorkspace } from '../support/files.ts';
import { openTestManager } from '../support/manager.ts';
import { loadShell, until } from './electron-shell/load-shell.ts';

it('says why it cannot start and exits 1', async () => {
  const ws = tempWorkspace('tsuzuki-shell-');
  const holder = await openTestManager(path.join(ws.root, 'userData', 'downloads-state'), ws.downloads);
  const electron = await loadShell({ userData: path.join(ws.root, 'userData'), downloads: ws.downloads });
  electron.app.becomeReady();
  assert.equal(await until(() => electron.record.exitCode, 'exit'), 1);
  assert.equal(electron.record.errorBoxes.length, 1);
  assert.equal(electron.record.errorBoxes[0]!.title, 'Tsuzuki cannot start');
  assert.match(electron.record.errorBoxes[0]!.content, /state folder/);
  assert.equal(electron.record.windows.length, 0);
  await holder.close();
  ws.cleanup();
});
