// The desktop shell's presence outside the window, run under plain Node against the fake
// `electron` module and a real engine downloading from a real loopback server: the tray
// menu drives the engine, closing the window keeps downloads running behind the tray,
// notifications come once per batch, the power-save blocker is held and released, the
// taskbar progress changes mode, and the folder picker answers the window.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Result } from '../../main/contract.ts';
import type { ItemSnapshot } from '../../main/engine/item.ts';
import { startFaultServer, type FaultServer } from '../support/fault-server.ts';
import { sha256, tempWorkspace, testBytes } from '../support/files.ts';
import type { FakeBrowserWindow } from './electron-shell/fake-electron.ts';
import { loadShell, until } from './electron-shell/load-shell.ts';

describe('Electron shell on the desktop (fake electron)', () => {
  let server: FaultServer;
  let ws: ReturnType<typeof tempWorkspace>;
  let electron: Awaited<ReturnType<typeof loadShell>>;
  let window: FakeBrowserWindow;
  const slow = testBytes(400_000, 3);
  const small = testBytes(20_000, 4);

  const invoke = async (command: string, args: unknown = {}) => {
    const handler = electron.ipcMain.handlers.get(`tsuzuki:${command}`)!;
    return (await handler({ sender: window.webContents, senderFrame: { url: 'app://tsuzuki/index.html', parent: null } }, args)) as Result<unknown>;
  };
  const value = async <T>(command: string, args: unknown = {}) => {
    const result = await invoke(command, args);
    assert.ok(result.ok, JSON.stringify(result));
    return result.value as T;
  };
  const add = async (urls: string[]) => (await value<{ added: string[] }>('add', { urls })).added;
  const item = async (id: string) => (await value<ItemSnapshot[]>('list')).find((entry) => entry.id === id)!;
  const settled = (id: string) =>
    until(async () => {
      const current = await item(id);
      return ['done', 'failed'].includes(current.state) && current;
    }, `item ${id} to settle`, 20_000);
  const tray = () => electron.record.trays[0]!;
  const titles = () => electron.record.notifications.map((notification) => notification.options.title);

  before(async () => {
    server = await startFaultServer();
    ws = tempWorkspace('tsuzuki-desktop-');
    electron = await loadShell({ userData: path.join(ws.root, 'userData'), downloads: ws.downloads });
    assert.equal(electron.record.schemes.length, 1, 'app:// is registered before ready');
    electron.app.becomeReady();
    window = await until(() => electron.record.windows[0], 'the window');
  });
  after(async () => {
    if (electron.record.exitCode === undefined) electron.app.quit();
    await until(() => electron.record.exitCode !== undefined, 'exit');
    await server.close();
    ws.cleanup();
  });

  it('has a tray icon with an idle tooltip and a menu; an app menu with Edit and About', () => {
    assert.equal(electron.record.trays.length, 1);
    assert.match(tray().tooltip, /no downloads running/);
    assert.deepEqual(tray().menu!.items.filter((entry) => entry.id).map((entry) => [entry.id, entry.label, entry.enabled]), [
      ['show', 'Show Tsuzuki', true],
      ['pauseAll', 'Pause all', false],
      ['resumeAll', 'Resume all', false],
      ['quit', 'Quit Tsuzuki', true],
    ]);
    const menu = electron.record.applicationMenu!;
    assert.ok(menu.items.some((entry) => entry.role === 'editMenu'), 'Edit: cut, copy, paste, select all');
    const help = menu.items.find((entry) => entry.role === 'help')!;
    help.submenu![0]!.click!();
    assert.equal(electron.record.aboutShown, 1);
    const view = menu.items.find((entry) => entry.label === 'View')!;
    assert.ok(view.submenu!.some((entry) => entry.role === 'reload'), 'reload is there in development');
  });

  it('while downloading: progress on the taskbar, the badge, a tooltip with speed, a power-save blocker; all cleared when done', async () => {
    server.serve('/desk/slow.bin', { body: slow, faults: { throttleBytesPerSec: 400_000 } });
    const [id] = await add([server.url('/desk/slow.bin')]);
    await until(() => tray().tooltip.startsWith('↓ ') || undefined, 'a busy tooltip');
    assert.match(tray().tooltip, /^↓ [\d.]+ [kMG]?B\/s · 1 active/);
    const blockers = [...electron.record.blockers.values()];
    assert.deepEqual(blockers, [{ type: 'prevent-app-suspension', stopped: false }]);
    assert.ok(electron.record.badge.includes(1));
    // Indeterminate until the first answer gives the size, then the fraction.
    await until(() => window.progress.some((entry) => entry.mode === 'normal' && entry.value > 0 && entry.value < 1) || undefined, 'a fraction on the taskbar');
    const done = await settled(id!);
    assert.equal(done.state, 'done');
    await until(() => window.progress.at(-1)!.mode === 'none' || undefined, 'the progress bar off');
    assert.equal(window.progress.at(-1)!.value, -1);
    assert.equal(electron.record.badge.at(-1), 0);
    assert.deepEqual([...electron.record.blockers.values()], [{ type: 'prevent-app-suspension', stopped: true }], 'one blocker, released');
    assert.match(tray().tooltip, /no downloads running/);
  });

  it('notifies once for a finished download, clicking shows it in its folder', async () => {
    await until(() => titles().includes('Download finished') || undefined, 'the notification');
    const notice = electron.record.notifications.find((notification) => notification.options.title === 'Download finished')!;
    assert.equal(notice.options.body, 'slow.bin');
    notice.emit('click');
    assert.deepEqual(electron.record.shownInFolder, [path.join(ws.downloads, 'slow.bin')]);
  });

  it('many finishing together: one notification for the batch, clicking opens the folder', async () => {
    const before = electron.record.notifications.length;
    const urls = Array.from({ length: 6 }, (_, i) => {
      server.serve(`/desk/batch-${i}.bin`, { body: small });
      return server.url(`/desk/batch-${i}.bin`);
    });
    const ids = await add(urls);
    for (const id of ids) await settled(id);
    await until(() => electron.record.notifications.length > before || undefined, 'the batch notification');
    // Give a stray second notification the chance to appear: the batch window is one second.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const fresh = electron.record.notifications.slice(before);
    assert.deepEqual(fresh.map((notification) => notification.options.title), ['6 downloads finished']);
    fresh[0]!.emit('click');
    assert.deepEqual(electron.record.opened.at(-1), ws.downloads);
  });

  it('a failure while another downloads: the error mode, and a notification that shows the row', async () => {
    server.serve('/desk/long.bin', { body: slow, faults: { throttleBytesPerSec: 200_000 } });
    const [long] = await add([server.url('/desk/long.bin')]);
    await until(async () => (await item(long!)).bytes > 0 || undefined, 'the long download to start');
    const [missing] = await add([server.url('/desk/not-there.bin')]);
    assert.equal((await settled(missing!)).state, 'failed');
    await until(() => window.progress.at(-1)!.mode === 'error' || undefined, 'the error mode');
    await until(() => titles().includes('Download failed') || undefined, 'the failure notification');
    window.minimized = true;
    electron.record.notifications.find((notification) => notification.options.title === 'Download failed')!.emit('click');
    assert.equal(window.minimized, false, 'the window comes forward');
    const revealed = window.webContents.sent.filter((entry) => entry.channel === 'tsuzuki:event:reveal');
    assert.deepEqual(revealed.map((entry) => entry.payload), [{ id: missing }], 'and the window is asked to show its row');
    await invoke('remove', { ids: [missing], deleteFile: false });
    await settled(long!);
  });

  it('the tray menu pauses all, resumes all and shows the window', async () => {
    server.serve('/desk/paused.bin', { body: slow, faults: { throttleBytesPerSec: 100_000 } });
    const [id] = await add([server.url('/desk/paused.bin')]);
    await until(() => tray().menu!.enabled('pauseAll') || undefined, 'Pause all enabled');
    tray().menu!.click('pauseAll');
    await until(async () => (await item(id!)).state === 'paused' || undefined, 'paused from the tray');
    await until(() => tray().menu!.enabled('resumeAll') || undefined, 'Resume all enabled');
    tray().menu!.click('resumeAll');
    await until(async () => ['queued', 'downloading'].includes((await item(id!)).state) || undefined, 'resumed from the tray');
    const focus = window.focusCalls;
    tray().menu!.click('show');
    assert.equal(window.focusCalls, focus + 1);
    await settled(id!);
  });

  it('the folder picker: the desktop answers with the chosen folder, or null when canceled', async () => {
    assert.deepEqual(await value('getHostFeatures'), { chooseFolder: true, desktopSettings: true });
    electron.record.nextFolder = path.join(ws.root, 'chosen');
    assert.deepEqual(await value('chooseFolder', {}), { path: path.join(ws.root, 'chosen') });
    assert.deepEqual(electron.record.openDialogs.at(-1), { window: true, options: { defaultPath: ws.downloads, properties: ['openDirectory', 'createDirectory'] } });
    electron.record.nextFolder = undefined;
    assert.deepEqual(await value('chooseFolder', { defaultPath: '/somewhere' }), { path: null });
    assert.equal(electron.record.openDialogs.at(-1)!.options.defaultPath, '/somewhere');
  });

  it('asks before opening a downloaded program, and opens other files at once', async () => {
    server.serve('/desk/setup.sh', { body: small });
    server.serve('/desk/notes.txt', { body: small });
    const [program, text] = await add([server.url('/desk/setup.sh'), server.url('/desk/notes.txt')]);
    const done = [await settled(program!), await settled(text!)];
    assert.deepEqual(done.map((entry) => entry.state), ['done', 'done']);
    const opened = electron.record.opened.length;
    const asked = electron.record.messageBoxes.length;
    electron.record.nextMessageBoxResponse = 1; // Cancel
    assert.ok((await invoke('openFile', { id: program })).ok);
    assert.equal(electron.record.messageBoxes.length, asked + 1);
    assert.match(electron.record.messageBoxes.at(-1)!.detail!, /setup\.sh/);
    assert.deepEqual(electron.record.messageBoxes.at(-1)!.buttons, ['Open', 'Cancel']);
    assert.equal(electron.record.opened.length, opened, 'canceled: nothing opened');
    electron.record.nextMessageBoxResponse = 0; // Open
    assert.ok((await invoke('openFile', { id: program })).ok);
    assert.equal(electron.record.opened.at(-1), done[0]!.path);
    assert.ok((await invoke('openFile', { id: text })).ok);
    assert.equal(electron.record.messageBoxes.length, asked + 2, 'a text file opens without a question');
    assert.equal(electron.record.opened.at(-1), done[1]!.path);
  });

  it('start at login follows the setting: a login item, and on Linux an autostart entry', async () => {
    const entry = path.join(ws.root, 'appData', 'autostart', 'tsuzuki.desktop');
    await value('setSettings', { startAtLogin: true });
    assert.deepEqual(electron.record.loginItems.at(-1), { openAtLogin: true, args: ['--hidden'] });
    if (process.platform === 'linux') {
      const text = fs.readFileSync(entry, 'utf8');
      assert.match(text, /^\[Desktop Entry\]\nType=Application\nName=Tsuzuki\n/);
      assert.match(text, /^Exec=.+ --hidden$/m);
    }
    await value('setSettings', { startAtLogin: false });
    assert.equal(electron.record.loginItems.at(-1)!.openAtLogin, false);
    assert.equal(fs.existsSync(entry), false, 'the autostart entry is gone');
  });

  it('keep awake off: no blocker while downloading', async () => {
    await value('setSettings', { keepAwake: false });
    const blockers = electron.record.blockers.size;
    server.serve('/desk/awake.bin', { body: small, faults: { throttleBytesPerSec: 40_000 } });
    const [id] = await add([server.url('/desk/awake.bin')]);
    await settled(id!);
    assert.equal(electron.record.blockers.size, blockers);
    await value('setSettings', { keepAwake: true });
  });

  it('a wake from sleep sends a download waiting out a long backoff at once', async () => {
    server.serve('/desk/busy.bin', { body: small, faults: { statuses: [{ status: 503, headers: { 'retry-after': '600' } }] } });
    const [id] = await add([server.url('/desk/busy.bin')]);
    await until(async () => (await item(id!)).state === 'retrying' || undefined, 'waiting to retry');
    electron.powerMonitor.emit('suspend');
    electron.powerMonitor.emit('resume');
    const done = await settled(id!);
    assert.equal(done.state, 'done');
  });

  it('closing the window keeps downloading behind the tray, saying so once', async () => {
    server.serve('/desk/behind.bin', { body: slow, faults: { throttleBytesPerSec: 400_000 } });
    const [id] = await add([server.url('/desk/behind.bin')]);
    const before = titles().length;
    window.close();
    assert.equal(electron.record.exitCode, undefined, 'still running');
    assert.equal(electron.record.quitCalls, 0);
    await until(() => titles().length > before || undefined, 'the tray notice');
    assert.equal(titles().at(-1), 'Tsuzuki is still downloading');
    // Downloads go on without a window.
    await until(() => fs.existsSync(path.join(ws.downloads, 'behind.bin')) || undefined, 'behind.bin', 20_000);
    assert.equal(sha256(path.join(ws.downloads, 'behind.bin')), sha256(slow));
    // The tray brings a new window; closing it again does not repeat the notice.
    tray().menu!.click('show');
    window = await until(() => electron.record.windows[1], 'a new window');
    // The final name appears a moment before the record says done (the move comes first).
    await until(async () => ((await item(id!)).state === 'done' ? true : undefined), 'behind.bin recorded as done');
    const count = titles().filter((title) => title === 'Tsuzuki is still downloading').length;
    window.close();
    assert.equal(titles().filter((title) => title === 'Tsuzuki is still downloading').length, count);
    electron.app.emit('activate');
    window = await until(() => electron.record.windows[2], 'a third window');
  });

  it('with the setting off, closing the window quits (after flushing the engine)', async () => {
    await value('setSettings', { closeToTray: false });
    window.close();
    assert.equal(await until(() => electron.record.exitCode, 'exit'), 0);
    assert.equal(tray().destroyed, true);
  });
});
