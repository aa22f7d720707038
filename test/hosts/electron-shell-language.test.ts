// The desktop shell speaks the system's language (Japanese here) in its tray and app menu,
// and the language chosen in Settings re-words both at once. Plain Node against the fake
// `electron` module, with a real engine.

import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Result } from '../../main/contract.ts';
import { tempWorkspace } from '../support/files.ts';
import * as fake from './electron-shell/fake-electron.ts';
import type { FakeBrowserWindow } from './electron-shell/fake-electron.ts';
import { loadShell, until } from './electron-shell/load-shell.ts';

describe('Electron shell languages (fake electron)', () => {
  let ws: ReturnType<typeof tempWorkspace>;
  let electron: Awaited<ReturnType<typeof loadShell>>;
  let window: FakeBrowserWindow;
  const trayLabels = () => electron.record.trays[0]!.menu!.items.filter((entry) => entry.id).map((entry) => entry.label);
  const menuLabels = () => electron.record.applicationMenu!.items.map((entry) => entry.label).filter(Boolean);
  const invoke = async (command: string, args: unknown) => {
    const handler = electron.ipcMain.handlers.get(`tsuzuki:${command}`)!;
    return (await handler({ sender: window.webContents, senderFrame: { url: 'app://tsuzuki/index.html', parent: null } }, args)) as Result<unknown>;
  };

  before(async () => {
    ws = tempWorkspace('tsuzuki-shell-language-');
    fake.app.systemLanguages = ['ja-JP', 'en-US'];
    electron = await loadShell({ userData: path.join(ws.root, 'userData'), downloads: ws.downloads });
    electron.app.becomeReady();
    window = await until(() => electron.record.windows[0], 'the window');
  });
  after(async () => {
    if (electron.record.exitCode === undefined) electron.app.quit();
    await until(() => electron.record.exitCode !== undefined, 'exit');
    ws.cleanup();
  });

  it('uses the system language for the tray and the app menu', () => {
    assert.deepEqual(trayLabels(), ['Tsuzuki を表示', 'すべて一時停止', 'すべて再開', 'Tsuzuki を終了']);
    assert.match(electron.record.trays[0]!.tooltip, /ダウンロード中のものはありません/);
    assert.ok(menuLabels().includes('表示'), JSON.stringify(menuLabels()));
  });

  it('switches both at once to the language chosen in Settings, and back to the system one', async () => {
    assert.equal((await invoke('setSettings', { language: 'en' })).ok, true);
    await until(() => trayLabels()[0] === 'Show Tsuzuki', 'an English tray menu');
    assert.ok(menuLabels().includes('View'), JSON.stringify(menuLabels()));
    assert.equal((await invoke('setSettings', { language: 'system' })).ok, true);
    await until(() => trayLabels()[0] === 'Tsuzuki を表示', 'a Japanese tray menu again');
    assert.ok(menuLabels().includes('表示'));
  });
});
