// The web host under abuse, through real WebSockets to a real web host: commands under way
// capped per socket, a socket that stops reading closed (answers and snapshots both count)
// while one that reads is not, the item cap, every list a client can grow capped, and a
// burst of settings folded into few store writes with the last one kept.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { DownloadManager, ManagerOptions } from '../../main/engine/download-manager.ts';
import { HISTORY_CAP } from '../../main/engine/checkpoint-transitions.ts';
import { DEFAULT_MAX_ITEMS } from '../../main/engine/manager-options.ts';
import type { StoreProvider } from '../../main/engine/store.ts';
import { confStoreProvider } from '../../main/stores/conf-store.ts';
import type { SendEvent } from '../../main/web/send-watch.ts';
import type { SessionLimits } from '../../main/web/socket-session.ts';
import { DEFAULT_SESSION_LIMITS, startWebHost, type WebHost } from '../../main/web/web-host.ts';
import { tempWorkspace } from '../support/files.ts';
import { openTestManager, withTimeout } from '../support/manager.ts';
import { SocketClient, waitForItems } from '../support/socket-client.ts';
import { watchedStore } from '../support/watched-store.ts';

/** Nothing listens on port 1: items that start fail fast, and none of these tests needs bytes. */
const dead = (name: string) => `http://127.0.0.1:1/${name}`;
/** A link near the contract's 8,192-character limit: snapshots and lists of many of them are megabytes. */
const long = (i: number) => `${dead(`${i}-`)}${'x'.repeat(8000)}`;

interface Running {
  host: WebHost;
  manager: DownloadManager;
  sendEvents: SendEvent[];
  /** Resolves with the first send event of this kind (bounded). */
  sendEvent(kind: SendEvent['kind']): Promise<SendEvent>;
  open(): Promise<SocketClient>;
  /** Closes the host and the engine (every record flushed); the state folder stays until stop(). */
  close(): Promise<void>;
  stop(): Promise<void>;
  state: string;
}

async function startHost(limits?: SessionLimits, extra: Partial<ManagerOptions> = {}, wrapStore?: (store: StoreProvider) => StoreProvider): Promise<Running> {
  const ws = tempWorkspace();
  const renderer = path.join(ws.root, 'renderer');
  fs.mkdirSync(renderer, { recursive: true });
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Tsuzuki</title>');
  const store = confStoreProvider(ws.state);
  const manager = await openTestManager(ws.state, ws.downloads, { maxConcurrent: 1 }, { ...extra, ...(wrapStore && { store: wrapStore(store) }) });
  const sendEvents: SendEvent[] = [];
  const waiters = new Set<() => void>();
  const host = await startWebHost({
    manager,
    rendererDir: renderer,
    port: 0,
    ...(limits && { limits }),
    onSendEvent: (event) => {
      sendEvents.push(event);
      for (const check of waiters) check();
    },
  });
  const clients: SocketClient[] = [];
  let closing: Promise<void> | undefined;
  const close = async () => {
    closing ??= (async () => {
      for (const client of clients) client.close();
      await host.close();
      await manager.close();
    })();
    await closing;
  };
  return {
    host,
    manager,
    sendEvents,
    state: ws.state,
    sendEvent: (kind) =>
      withTimeout(
        new Promise((resolve) => {
          const check = () => {
            const found = sendEvents.find((event) => event.kind === kind);
            if (found) resolve(found);
          };
          waiters.add(check);
          check();
        }),
        20_000,
        `no "${kind}" send event`,
      ),
    async open() {
      const client = await SocketClient.open(host.port, { token: host.token });
      clients.push(client);
      return client;
    },
    close,
    async stop() {
      await close();
      ws.cleanup();
    },
  };
}

describe('web host: commands under way per socket', () => {
  let running: Running;
  before(async () => (running = await startHost()));
  after(() => running.stop());

  it('answers each command past the cap with ERR_TOO_MANY_COMMANDS, runs the rest, and frees the cap as they finish', async () => {
    const max = DEFAULT_SESSION_LIMITS.maxInFlight;
    const client = await running.open();
    // getStatus asks the file system (a thread-pool call): each stays under way past this read.
    const ids = client.send(Array.from({ length: max + 36 }, () => ['getStatus', {}] as [string, unknown]));
    const answers = await client.results(ids);
    assert.equal(answers.filter((answer) => answer.ok).length, max, 'as many ran as the cap allows');
    const refused = answers.filter((answer) => !answer.ok);
    assert.equal(refused.length, 36);
    for (const answer of refused) assert.deepEqual(answer, { ok: false, error: { code: 'ERR_TOO_MANY_COMMANDS', params: { max } } });
    assert.ok(answers.slice(0, max).every((answer) => answer.ok), 'the first ones ran, the extra ones were refused');
    assert.equal((await client.invoke('getStatus')).ok, true, 'room again once they finished');
  });

  it('does not count commands that finish as they arrive: 500 at once all run', async () => {
    const client = await running.open();
    const ids = client.send(Array.from({ length: 500 }, () => ['getSettings', {}] as [string, unknown]));
    const results = await client.results(ids);
    assert.equal(results.length, 500);
    assert.ok(results.every((result) => result.ok));
  });
});

describe('web host: a socket that stops reading', () => {
  const limits: SessionLimits = { maxInFlight: 64, send: { bytes: 256 * 1024, graceMs: 300 } };
  /** Room for a reading client to take in the whole batch before it is judged, however busy the machine. */
  const patient: SessionLimits = { ...limits, send: { ...limits.send, graceMs: 5000 } };

  it('is closed when answers pile up unread, and other sockets keep working', async () => {
    const running = await startHost(limits);
    try {
      running.manager.add(Array.from({ length: 1500 }, (_, i) => long(i)), { paused: true });
      // The batch naming them goes out before this socket exists: only answers reach it.
      await new Promise((resolve) => running.manager.once('items', resolve));
      const stalled = await running.open();
      stalled.stopReading();
      // Each answer is the whole list, about 12 MB: three of them are more than the kernel's
      // buffers hold, so the rest waits in the host, over the limit.
      stalled.send([['list', {}], ['list', {}], ['list', {}]]);
      const over = await running.sendEvent('over');
      assert.ok(over.bufferedBytes > limits.send.bytes);
      const closed = await running.sendEvent('closed');
      assert.ok(closed.bufferedBytes > limits.send.bytes, `${closed.bufferedBytes} bytes unsent`);
      assert.deepEqual(running.sendEvents.map((event) => event.kind), ['over', 'closed']);
      const other = await running.open();
      assert.equal((await other.invoke('getSettings')).ok, true);
    } finally {
      await running.stop();
    }
  });

  it('is closed when snapshots pile up unread', async () => {
    const running = await startHost(limits);
    try {
      const stalled = await running.open();
      stalled.stopReading();
      // One batch naming 1,500 new items with long links: about 12 MB of snapshots.
      running.manager.add(Array.from({ length: 1500 }, (_, i) => long(i)), { paused: true });
      await running.sendEvent('over');
      const closed = await running.sendEvent('closed');
      assert.ok(closed.bufferedBytes > limits.send.bytes);
    } finally {
      await running.stop();
    }
  });

  it('is not closed for one big snapshot it reads: over the limit, then caught up, still answering', async () => {
    const running = await startHost(patient);
    try {
      const reader = await running.open();
      const { added } = running.manager.add(Array.from({ length: 1500 }, (_, i) => long(i)), { paused: true });
      await running.sendEvent('over');
      await waitForItems(reader, added, (item) => item.state === 'paused', 'all 1,500 snapshots', 20_000);
      await running.sendEvent('caughtUp');
      assert.deepEqual(running.sendEvents.map((event) => event.kind), ['over', 'caughtUp']);
      assert.equal(reader.socket.readyState, reader.socket.OPEN);
      assert.equal((await reader.invoke('getSettings')).ok, true);
    } finally {
      await running.stop();
    }
  });
});

describe('web host: the item cap', () => {
  it('refuses an add that would pass the cap, whole, with the cap in the error', async () => {
    const running = await startHost(undefined, { maxItems: 20 });
    try {
      const client = await running.open();
      const first = await client.invoke('add', { urls: Array.from({ length: 15 }, (_, i) => dead(`a${i}`)), options: { paused: true } });
      assert.equal(first.value.added.length, 15);
      const over = await client.invoke('add', { urls: Array.from({ length: 6 }, (_, i) => dead(`b${i}`)), options: { paused: true } });
      assert.deepEqual(over.value.added, []);
      assert.equal(over.value.rejected.length, 6);
      for (const rejected of over.value.rejected) assert.deepEqual(rejected.error, { code: 'ERR_TOO_MANY_ITEMS', params: { max: 20 } });
      assert.equal((await client.invoke('list')).value.length, 15);
      const upTo = await client.invoke('add', { urls: Array.from({ length: 5 }, (_, i) => dead(`c${i}`)), options: { paused: true } });
      assert.equal(upTo.value.added.length, 5, 'exactly up to the cap is fine');
    } finally {
      await running.stop();
    }
  });

  it('by default holds well over the 10,000 items the window is built for', async () => {
    assert.ok(DEFAULT_MAX_ITEMS >= 20_000);
    const running = await startHost();
    try {
      const client = await running.open();
      const added = await client.invoke('add', { urls: Array.from({ length: 10_001 }, (_, i) => dead(`many-${i}`)), options: { paused: true } });
      assert.equal(added.value.added.length, 10_001);
    } finally {
      await running.stop();
    }
  });
});

describe('web host: lists a client can grow', () => {
  it("an item's history keeps its last entries however often the link is changed", async () => {
    const running = await startHost();
    try {
      const client = await running.open();
      const [id] = (await client.invoke('add', { urls: [dead('relinked')], options: { paused: true } })).value.added;
      const links = Array.from({ length: HISTORY_CAP + 20 }, (_, i) => dead(`relinked?n=${i}`));
      for (const url of links) assert.equal((await client.invoke('changeUrl', { id, url })).ok, true);
      const [item] = await waitForItems(client, [id], (entry) => entry.url === links.at(-1) && entry.history.length > 0, 'the last link applied');
      assert.equal(item!.history.length, HISTORY_CAP);
      assert.equal((item!.history.at(-1) as { code: string }).code, 'linkChanged');
      const listed = (await client.invoke('list')).value.find((entry: { id: string }) => entry.id === id);
      assert.equal(listed.history.length, HISTORY_CAP);
    } finally {
      await running.stop();
    }
  });

  it('paired browsers are capped, and so are pairing requests waiting for an answer', async () => {
    const running = await startHost();
    const origin = `chrome-extension://${'abcdefghijklmnop'.repeat(2)}`;
    const post = (route: string, body: unknown) =>
      new Promise<{ status: number; body: any }>((resolve, reject) => {
        const request = http.request(
          { host: '127.0.0.1', port: running.host.port, method: 'POST', path: `/extension/${route}`, headers: { host: `127.0.0.1:${running.host.port}`, origin, 'content-type': 'application/json' } },
          (res) => {
            let text = '';
            res.on('data', (chunk: Buffer) => (text += chunk));
            res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
          },
        );
        request.on('error', reject);
        request.end(JSON.stringify(body));
      });
    try {
      const client = await running.open();
      const waiting = [];
      for (let i = 0; i < 6; i++) waiting.push(await post('pair', { browser: `Waiting ${i}` }));
      assert.deepEqual(waiting.map((reply) => reply.status), [200, 200, 200, 200, 200, 429]);
      assert.equal((await client.invoke('listPairings')).value.pending.length, 5);
      // Answer and collect them, then pair 60 more, one at a time: only the last 50 stay.
      const secrets = waiting.slice(0, 5).map((reply) => reply.body.secret as string);
      for (let i = 0; i < 65; i++) {
        const secret = i < 5 ? secrets[i]! : (await post('pair', { browser: `Browser ${i}` })).body.secret;
        const pending = (await client.invoke('listPairings')).value.pending as { id: string }[];
        assert.equal((await client.invoke('answerPairing', { id: pending[0]!.id, approve: true })).ok, true);
        assert.equal((await post('pair/poll', { secret })).body.state, 'approved');
      }
      const { paired, pending } = (await client.invoke('listPairings')).value;
      assert.equal(pending.length, 0);
      assert.equal(paired.length, 50);
      assert.equal(paired.at(-1).browser, 'Browser 64', 'the newest is kept');
    } finally {
      await running.stop();
    }
  });
});

describe('web host: a burst of settings', () => {
  it('1,000 setSettings at once are a handful of store writes and events, and the last value is what is stored', async () => {
    let writes = 0;
    const counting = (store: StoreProvider): StoreProvider => watchedStore(store, () => (writes += 1), (name) => name === 'settings');
    const running = await startHost(undefined, {}, counting);
    try {
      const client = await running.open();
      const watcher = await running.open();
      const before = writes;
      const ids = client.send(Array.from({ length: 1000 }, (_, i) => ['setSettings', { speedLimit: (i + 1) * 1000 }] as [string, unknown]));
      const results = await client.results(ids);
      assert.ok(results.every((result) => result.ok));
      assert.equal(results.at(-1)!.value.speedLimit, 1_000_000);
      // Another window hears the last value, in a handful of events rather than a thousand.
      await watcher.waitFor((frame) => frame.type === 'event' && frame.event === 'settings' && frame.payload.speedLimit === 1_000_000, 'the last settings event');
      const heard = watcher.frames.filter((frame) => frame.type === 'event' && frame.event === 'settings').length;
      assert.ok(heard >= 1 && heard < 100, `${heard} settings events for 1,000 changes`);
      await running.close();
      const made = writes - before;
      assert.ok(made >= 1 && made <= 5, `${made} writes for 1,000 changes`);
      const stored = JSON.parse(fs.readFileSync(path.join(running.state, 'settings.json'), 'utf8'));
      assert.equal(stored.speedLimit, 1_000_000, 'the last value wins');
    } finally {
      await running.stop();
    }
  });
});
