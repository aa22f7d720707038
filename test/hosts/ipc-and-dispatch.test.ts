// The host boundary without Electron: the dispatcher validates every payload, and the IPC
// bridge (driven through a fake ipcMain) registers every command and checks every sender.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { COMMANDS, commandChannel } from '../../main/contract.ts';
import type { DownloadManager } from '../../main/engine/download-manager.ts';
import { dispatch } from '../../main/host/dispatch.ts';
import { appUrlMatcher } from '../../main/host/app-url.ts';
import { createHandlers } from '../../main/host/handlers.ts';
import { registerIpc, trustedSender, type IpcEventLike, type IpcMainLike } from '../../main/host/ipc-bridge.ts';
import { SnapshotBatcher } from '../../main/host/snapshot-batcher.ts';
import { urlsInArgv } from '../../main/host/urls-in-argv.ts';
import { tempWorkspace } from '../support/files.ts';
import { openTestManager } from '../support/manager.ts';
import { words } from '../support/words.ts';
import type { ErrorInfo } from '../../main/engine/errors.ts';

class FakeIpcMain implements IpcMainLike {
  handlers = new Map<string, (event: IpcEventLike, ...args: unknown[]) => unknown>();
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => unknown): void {
    assert.ok(!this.handlers.has(channel), `${channel} registered twice`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  invoke(channel: string, event: IpcEventLike, ...args: unknown[]) {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler for '${channel}'`);
    return handler(event, ...args);
  }
}

const platform = { openFile: async () => {}, showInFolder: async () => {} };

describe('dispatch and IPC', () => {
  let manager: DownloadManager;
  let ws: ReturnType<typeof tempWorkspace>;
  before(async () => {
    ws = tempWorkspace();
    manager = await openTestManager(ws.state, ws.downloads);
  });
  after(async () => {
    await manager.close();
    ws.cleanup();
  });

  it('answers bad payloads with ERR_INVALID_ARGUMENT, never a throw', async () => {
    const handlers = createHandlers(manager, platform);
    for (const [command, args] of [
      ['add', { urls: 'http://x' }],
      ['add', { urls: [] }],
      ['add', { urls: ['http://x/'], options: { sha256: 'nope' } }],
      ['add', { urls: ['http://x/'], extra: true }],
      ['pause', {}],
      ['pause', { ids: [42] }],
      ['reorder', { id: 'x', toIndex: -1 }],
      ['setSettings', { maxConcurrent: 0 }],
      ['setSettings', { maxConcurrent: '3' }],
      ['remove', { ids: ['a'] }],
    ] as const) {
      const result = await dispatch(handlers, command, args);
      assert.equal(result.ok, false, `${command} ${JSON.stringify(args)}`);
      assert.equal(!result.ok && result.error.code, 'ERR_INVALID_ARGUMENT');
      assert.ok(!result.ok && words(result.error).includes(command));
    }
  });

  it('answers unknown commands and prototype tricks with a clear error', async () => {
    const handlers = createHandlers(manager, platform);
    for (const command of ['nope', '__proto__', 'constructor', 42, null]) {
      const result = await dispatch(handlers, command, {});
      assert.equal(result.ok, false);
      assert.match(!result.ok ? words(result.error) : '', /Unknown command/);
    }
  });

  it('turns engine errors into data (unknown item, bad link)', async () => {
    const handlers = createHandlers(manager, platform);
    const unknown = await dispatch(handlers, 'pause', { ids: ['missing'] });
    assert.deepEqual(unknown.ok ? null : unknown.error.code, 'ERR_UNKNOWN_ITEM');
    const added = await dispatch(handlers, 'add', { urls: ['ftp://x/y'] });
    assert.ok(added.ok);
    assert.equal((added.value as { rejected: { error: { code: string } }[] }).rejected[0]!.error.code, 'ERR_UNSUPPORTED_PROTOCOL');
  });

  it('turns anything a handler throws into {ok:false} without a stack', async () => {
    const handlers = createHandlers(manager, platform);
    const throwing = { ...handlers, list: () => { throw new TypeError('boom'); }, getSettings: async () => { throw 'a string'; } } as typeof handlers;
    for (const command of ['list', 'getSettings'] as const) {
      const result = await dispatch(throwing, command, {});
      assert.equal(result.ok, false);
      assert.deepEqual(Object.keys(!result.ok ? result.error : {}).sort(), ['action', 'code', 'params']);
      assert.equal(!result.ok && result.error.code, 'ERR_INTERNAL');
      assert.doesNotMatch(!result.ok ? words(result.error) : '', /\n\s+at /);
    }
    assert.ok(COMMANDS.every((command) => typeof handlers[command] === 'function'));
  });

  it('opens only finished files, through the platform', async () => {
    const opened: string[] = [];
    const handlers = createHandlers(manager, { openFile: async (file) => void opened.push(file), showInFolder: async (file) => void opened.push(file) });
    const missing = await dispatch(handlers, 'openFile', { id: 'no-such-item' });
    assert.equal(!missing.ok && missing.error.code, 'ERR_UNKNOWN_ITEM');
    const { added } = manager.add(['http://127.0.0.1:1/never.bin'], { paused: true });
    const notDone = await dispatch(handlers, 'openFile', { id: added[0]! });
    assert.equal(!notDone.ok && notDone.error.code, 'ERR_INVALID_STATE');
    assert.deepEqual(opened, []);
    await manager.remove(added, false);
  });

  it('lists the documents set aside when the state folder was opened, for the window to say so', async () => {
    const own = tempWorkspace();
    try {
      fs.mkdirSync(own.state, { recursive: true });
      fs.writeFileSync(path.join(own.state, 'history.json'), '{"items": [');
      const opened = await openTestManager(own.state, own.downloads);
      try {
        const listed = await dispatch(createHandlers(opened, platform), 'listSetAside', {});
        assert.ok(listed.ok);
        const [doc, ...others] = listed.value as { path: string; reason: string; movedTo?: string }[];
        assert.deepEqual(others, []);
        assert.equal(doc!.path, path.join(own.state, 'history.json'));
        assert.equal(doc!.reason, 'notJson');
        assert.match(doc!.movedTo!, /history\.json\.unreadable-/);
        assert.ok(fs.existsSync(doc!.movedTo!));
      } finally {
        await opened.close();
      }
      // A state folder that was fine has nothing to say.
      assert.deepEqual(await dispatch(createHandlers(manager, platform), 'listSetAside', {}), { ok: true, value: [] });
    } finally {
      own.cleanup();
    }
  });

  it('lists a document read but for some entries, with how many were left out', async () => {
    const own = tempWorkspace();
    try {
      const first = await openTestManager(own.state, own.downloads);
      first.add(['http://127.0.0.1:1/a.bin', 'http://127.0.0.1:1/b.bin'], { paused: true });
      await first.close();
      const file = path.join(own.state, 'queue.json');
      const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as { items: unknown[] };
      assert.equal(doc.items.length, 2);
      doc.items.push(42);
      fs.writeFileSync(file, JSON.stringify(doc));
      const opened = await openTestManager(own.state, own.downloads);
      try {
        const listed = await dispatch(createHandlers(opened, platform), 'listSetAside', {});
        assert.ok(listed.ok);
        const [report, ...others] = listed.value as { path: string; reason: string; movedTo?: string; entries?: number }[];
        assert.deepEqual(others, []);
        assert.equal(report!.reason, 'badEntries');
        assert.equal(report!.entries, 1);
        assert.match(report!.movedTo!, /queue\.json\.unreadable-/);
        assert.equal(opened.list().length, 2);
      } finally {
        await opened.close();
      }
    } finally {
      own.cleanup();
    }
  });

  it('registers exactly one channel per command and trusts only our window', async () => {
    const ipc = new FakeIpcMain();
    const ourWindow = { id: 1 };
    const page = 'app://tsuzuki/index.html';
    const isApp = appUrlMatcher({ indexUrl: page });
    const unregister = registerIpc(ipc, createHandlers(manager, platform), trustedSender(() => ourWindow, isApp));
    assert.deepEqual([...ipc.handlers.keys()].sort(), COMMANDS.map(commandChannel).sort());
    assert.ok(COMMANDS.every((command) => ipc.handlers.has(`tsuzuki:${command}`)));
    const topFrame = { url: page, parent: null };
    const ok = await ipc.invoke(commandChannel('list'), { sender: ourWindow, senderFrame: topFrame }, {});
    assert.deepEqual(ok, { ok: true, value: [] });
    const refusals: [string, IpcEventLike][] = [
      ['another window', { sender: { id: 2 }, senderFrame: topFrame }],
      ['our window, navigated away', { sender: ourWindow, senderFrame: { url: 'https://evil.example/', parent: null } }],
      ['an iframe in our page', { sender: ourWindow, senderFrame: { url: page, parent: topFrame } }],
      ['a destroyed frame', { sender: ourWindow, senderFrame: null }],
      ['another local file', { sender: ourWindow, senderFrame: { url: 'file:///tmp/evil.html', parent: null } }],
    ];
    for (const [what, event] of refusals) {
      const refused = (await ipc.invoke(commandChannel('list'), event, {})) as { ok: boolean; error: ErrorInfo };
      assert.equal(refused.ok, false, what);
      assert.match(words(refused.error), /not allowed/, what);
    }
    // No window yet (or closed): nothing is trusted, not even a sender that is also undefined.
    const noWindow = trustedSender(() => undefined, isApp);
    assert.equal(noWindow({ sender: undefined, senderFrame: topFrame }), false);
    // Arguments are still validated for a trusted sender.
    const bad = (await ipc.invoke(commandChannel('pause'), { sender: ourWindow, senderFrame: topFrame }, { ids: 'all' })) as { ok: boolean; error: { code: string } };
    assert.equal(bad.error.code, 'ERR_INVALID_ARGUMENT');
    unregister();
    assert.equal(ipc.handlers.size, 0);
  });

  it('knows the app page by its exact app:// URL or dev-server origin, not by prefix', () => {
    const built = appUrlMatcher({ indexUrl: 'app://tsuzuki/index.html' });
    assert.ok(built('app://tsuzuki/index.html'));
    assert.ok(built('app://tsuzuki/index.html#/settings'));
    assert.ok(!built('app://tsuzuki/other.html'));
    assert.ok(!built('app://tsuzuki/index.html.evil'));
    assert.ok(!built('app://tsuzuki.evil/index.html'));
    assert.ok(!built('file:///opt/Tsuzuki/resources/app.asar/out/renderer/index.html'));
    assert.ok(!built('https://tsuzuki/index.html'));
    assert.ok(!built('not a url'));
    const dev = appUrlMatcher({ devServerUrl: 'http://localhost:5173', indexUrl: 'app://tsuzuki/index.html' });
    assert.ok(dev('http://localhost:5173/'));
    assert.ok(dev('http://localhost:5173/src/main.tsx'));
    assert.ok(!dev('http://localhost:5173.evil.example/'));
    assert.ok(!dev('http://localhost:5174/'));
    assert.ok(!dev('https://localhost:5173/'));
  });

  it('batches item events for a window: at most one batch per interval, latest snapshot wins', async () => {
    const sent: { changed: { id: string; bytes: number }[]; removed: string[] }[] = [];
    const batcher = new SnapshotBatcher((payload) => sent.push(payload as never), 50);
    const snapshot = (id: string, bytes: number) => ({ id, bytes }) as never;
    batcher.push({ changed: [snapshot('a', 1)], removed: [] });
    batcher.push({ changed: [snapshot('a', 2), snapshot('b', 1)], removed: [] });
    batcher.push({ changed: [], removed: ['b'] });
    await new Promise((resolve) => setTimeout(resolve, 80));
    assert.equal(sent.length, 1);
    assert.deepEqual(sent[0], { changed: [{ id: 'a', bytes: 2 }], removed: ['b'] });
    batcher.stop();
  });

  it('holds batches while the window is not ready, coalescing into one when it is', async () => {
    const sent: { changed: { id: string; bytes: number }[]; removed: string[] }[] = [];
    let ready = false;
    const batcher = new SnapshotBatcher((payload) => sent.push(payload as never), 20, () => ready);
    for (let bytes = 1; bytes <= 5; bytes++) {
      batcher.push({ changed: [{ id: 'a', bytes } as never], removed: [] });
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    assert.equal(sent.length, 0);
    ready = true;
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.deepEqual(sent, [{ changed: [{ id: 'a', bytes: 5 }], removed: [] }]);
    batcher.stop();
  });

  it('takes only http(s) URLs from a command line', () => {
    assert.deepEqual(urlsInArgv(['--flag', 'http://a/x', 'file:///etc/passwd', 'https://b/y', 'notes.txt']), ['http://a/x', 'https://b/y']);
  });
});
