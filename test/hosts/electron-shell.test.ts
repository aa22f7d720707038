// The desktop shell's wiring, run under plain Node against a fake `electron` module: the
// window's web preferences, one IPC channel per command with the sender checked, URLs from
// the command line and from a second launch, navigation and permission refusals, batched
// events, reopening the window, and a quit that flushes the engine before exiting.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { COMMANDS, commandChannel, type Result } from '../../main/contract.ts';
import type { ItemSnapshot } from '../../main/engine/item.ts';
import { startFaultServer, type FaultServer } from '../support/fault-server.ts';
import { sha256, tempWorkspace, testBytes } from '../support/files.ts';
import { FakeEvent, type FakeBrowserWindow } from './electron-shell/fake-electron.ts';
import { loadShell, until } from './electron-shell/load-shell.ts';

describe('Electron shell (fake electron)', () => {
  let server: FaultServer;
  let ws: ReturnType<typeof tempWorkspace>;
  let electron: Awaited<ReturnType<typeof loadShell>>;
  let window: FakeBrowserWindow;
  const body = testBytes(300_000, 9);
  const indexUrl = 'app://tsuzuki/index.html';

  const invoke = async (target: FakeBrowserWindow, command: string, args: unknown, frameUrl = indexUrl) => {
    const handler = electron.ipcMain.handlers.get(`tsuzuki:${command}`);
    assert.ok(handler, `a handler for ${command}`);
    return (await handler({ sender: target.webContents, senderFrame: { url: frameUrl, parent: null } }, args)) as Result<unknown>;
  };
  const list = async () => {
    const result = await invoke(window, 'list', {});
    assert.ok(result.ok);
    return result.value as ItemSnapshot[];
  };

  before(async () => {
    server = await startFaultServer();
    // Throttled, so its progress spans several event batches.
    server.serve('/argv/first.bin', { body, faults: { throttleBytesPerSec: 600_000 } });
    server.serve('/argv/second.bin', { body });
    ws = tempWorkspace('tsuzuki-shell-');
    electron = await loadShell({
      userData: path.join(ws.root, 'userData'),
      downloads: ws.downloads,
      argv: ['--some-chromium-switch', server.url('/argv/first.bin'), 'notes.txt'],
    });
    assert.equal(electron.record.windows.length, 0, 'no window before ready');
    electron.app.becomeReady();
    window = await until(() => electron.record.windows[0], 'the window');
  });
  after(async () => {
    if (electron.record.exitCode === undefined) electron.app.quit();
    await until(() => electron.record.exitCode !== undefined, 'exit');
    await server.close();
    ws.cleanup();
  });

  it('opens one sandboxed, isolated window without Node, loading the built page', () => {
    assert.equal(electron.record.sandboxEnabled, true);
    const prefs = window.options.webPreferences;
    assert.equal(prefs['contextIsolation'], true);
    assert.equal(prefs['sandbox'], true);
    assert.equal(prefs['nodeIntegration'], false);
    assert.equal(prefs['webSecurity'], true);
    assert.equal(prefs['webviewTag'], false);
    assert.match(String(prefs['preload']), /preload[\\/]index\.cjs$/);
    assert.equal(window.loaded, indexUrl);
    assert.match(String(window.options['icon']), /resources[\\/]icon\.png$/);
  });

  it('registers one channel per command and nothing else', () => {
    assert.deepEqual([...electron.ipcMain.handlers.keys()].sort(), COMMANDS.map(commandChannel).sort());
  });

  it('adds the http(s) URLs it was started with, and downloads them into the Downloads folder', async () => {
    const items = await until(async () => (await list()).length === 1 || undefined, 'the argv item').then(list);
    assert.equal(items[0]!.url, server.url('/argv/first.bin'));
    await until(() => fs.existsSync(path.join(ws.downloads, 'first.bin')) || undefined, 'first.bin');
    assert.equal(sha256(path.join(ws.downloads, 'first.bin')), sha256(body));
  });

  it('refuses IPC from another window, another page, or a subframe', async () => {
    const stranger = { webContents: { id: -1 } } as unknown as FakeBrowserWindow;
    for (const [what, result] of [
      ['another window', await invoke(stranger, 'list', {})],
      ['another page', await invoke(window, 'list', {}, 'https://evil.example/')],
      ['a subframe', (await electron.ipcMain.handlers.get('tsuzuki:list')!({ sender: window.webContents, senderFrame: { url: indexUrl, parent: {} } }, {})) as Result<unknown>],
    ] as const) {
      assert.equal(result.ok, false, what);
    }
    const bad = await invoke(window, 'add', { urls: 'http://x/' });
    assert.equal(!bad.ok && bad.error.code, 'ERR_INVALID_ARGUMENT');
  });

  it('sends item events on tsuzuki:event:items, at most ten a second', async () => {
    const items = await until(() => {
      const sent = window.webContents.sent.filter((entry) => entry.channel === 'tsuzuki:event:items');
      return sent.length > 2 && sent;
    }, 'item events');
    for (let i = 1; i < items.length; i++) assert.ok(items[i]!.at - items[i - 1]!.at >= 90, `${items[i]!.at - items[i - 1]!.at} ms apart`);
    await invoke(window, 'setSettings', { maxConcurrent: 2 });
    await until(() => window.webContents.sent.some((entry) => entry.channel === 'tsuzuki:event:settings'), 'a settings event');
  });

  it('takes URLs from a second launch and brings the window forward', async () => {
    window.minimized = true;
    electron.app.emit('second-instance', new FakeEvent(), ['/opt/tsuzuki', '--flag', server.url('/argv/second.bin')], '/home');
    assert.equal(window.minimized, false);
    assert.equal(window.focusCalls, 1);
    await until(async () => (await list()).length === 2 || undefined, 'the second item');
    assert.equal(electron.record.windows.length, 1);
  });

  it('a second launch whose link cannot be added says why in a notification, rather than nothing', async () => {
    // The download folder is replaced by a file behind the app's back.
    const folder = path.join(ws.root, 'gone-folder');
    assert.ok((await invoke(window, 'setSettings', { dir: folder })).ok);
    fs.rmSync(folder, { recursive: true });
    fs.writeFileSync(folder, 'not a folder');
    const before = (await list()).length;
    const shown = electron.record.notifications.length;
    electron.app.emit('second-instance', new FakeEvent(), ['/opt/tsuzuki', server.url('/argv/third.bin')], '/home');
    const notice = await until(() => electron.record.notifications.slice(shown).find((shownNotice) => shownNotice.options.title === 'A link from the command line was not added'), 'a notification that it was not added');
    assert.match(String(notice.options.body), /folder/i);
    assert.equal((await list()).length, before);
    assert.ok((await invoke(window, 'setSettings', { dir: ws.downloads })).ok);
  });

  it('keeps the page on the app: navigation, redirects, new windows and webviews are refused', () => {
    const contents = window.webContents;
    const attempt = (name: string, url: string) => {
      const event = new FakeEvent();
      contents.emit(name, event, url);
      return event.defaultPrevented;
    };
    assert.equal(attempt('will-navigate', 'https://evil.example/'), true);
    assert.equal(attempt('will-navigate', 'file:///etc/passwd'), true);
    assert.equal(attempt('will-redirect', 'https://evil.example/'), true);
    assert.equal(attempt('will-navigate', indexUrl), false, 'reloading the app page is fine');
    assert.equal(attempt('will-attach-webview', ''), true);
    assert.deepEqual(contents.openHandler!({ url: 'https://example.com/help' }), { action: 'deny' });
    assert.deepEqual(contents.openHandler!({ url: 'javascript:alert(1)' }), { action: 'deny' });
    assert.deepEqual(contents.openHandler!({ url: 'file:///etc/passwd' }), { action: 'deny' });
    assert.deepEqual(electron.record.external, ['https://example.com/help'], 'only http(s) links go to the browser');
  });

  it('denies every permission', () => {
    const session = electron.session.defaultSession;
    let granted: boolean | undefined;
    session.permissionRequest!(window.webContents, 'media', (answer) => (granted = answer));
    assert.equal(granted, false);
    assert.equal(session.permissionCheck!(), false);
    assert.equal(session.headersListener, undefined, 'the built page gets its policy from app://, not from rewritten headers');
  });

  it('serves the page from a privileged app:// scheme with the CSP as a header, and nothing outside the renderer', async () => {
    assert.deepEqual(electron.record.schemes.map((entry) => [entry.scheme, entry.privileges['standard'], entry.privileges['secure']]), [['app', true, true]]);
    const handler = electron.record.protocolHandlers.get('app')!;
    // The built renderer (npm test builds it before the node tests).
    const built = fs.readFileSync(path.resolve(import.meta.dirname, '../../out/renderer/index.html'), 'utf8');
    const page = await handler(new Request(indexUrl));
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'self'; script-src 'self'; .*connect-src 'none'/);
    assert.equal(await page.text(), built);
    const script = built.match(/src="\.?(\/assets\/[^"]+\.js)"/)?.[1];
    assert.ok(script, 'the page names its script');
    const asset = await handler(new Request(`app://tsuzuki${script}`));
    assert.equal(asset.status, 200);
    assert.match(asset.headers.get('content-type') ?? '', /^text\/javascript/);
    assert.equal((await handler(new Request('app://tsuzuki/missing.js'))).status, 404);
    assert.equal((await handler(new Request('app://tsuzuki/..%5c..%5cpackage.json'))).status, 400);
    assert.equal((await handler(new Request('app://tsuzuki/../../package.json'))).status, 404);
    assert.equal((await handler(new Request('app://elsewhere/index.html'))).status, 404);
  });

  it('reopens a closed window, and trusts only the new one', async () => {
    const old = window;
    old.close();
    assert.equal((await invoke(old, 'list', {})).ok, false);
    electron.app.emit('activate');
    window = await until(() => electron.record.windows[1], 'a new window');
    assert.equal((await invoke(window, 'list', {})).ok, true);
    assert.equal((await invoke(old, 'list', {})).ok, false);
  });

  it('on quit, waits for the engine to pause and flush, then exits 0', async () => {
    const ids = (await list()).map((item) => item.id);
    electron.app.quit();
    assert.equal(electron.record.exitCode, undefined, 'quit is held until the engine is closed');
    const code = await until(() => electron.record.exitCode, 'exit');
    assert.equal(code, 0);
    const stateDir = path.join(ws.root, 'userData', 'downloads-state');
    assert.ok(!fs.existsSync(path.join(stateDir, 'lock')), 'the state lock is released');
    const stored = (fs.readdirSync(stateDir, { recursive: true }) as string[]).filter((file) => file.endsWith('.json'));
    assert.ok(stored.length > 0, 'checkpoints are on disk (electron-store documents)');
    assert.equal(ids.length, 2);
  });
});
