// The queue: a concurrency limit, pause/resume/cancel/remove, and restore after the engine
// is closed mid-download (what a quit or a crash followed by a start does).

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startFaultServer, type FaultServer } from '../support/fault-server.ts';
import { sha256, tempWorkspace, testBytes } from '../support/files.ts';
import { openTestManager, waitForItem, withTimeout } from '../support/manager.ts';
import { DownloadError } from '../../main/engine/errors.ts';
import { words } from '../support/words.ts';

const body = testBytes(1_000_000, 21);

describe('queue', () => {
  let server: FaultServer;
  before(async () => (server = await startFaultServer()));
  after(() => server.close());

  it('runs at most maxConcurrent downloads at once, in order', async () => {
    for (let i = 0; i < 5; i++) server.serve(`/q${i}.bin`, { body, faults: { throttleBytesPerSec: 4_000_000 } });
    const ws = tempWorkspace();
    const manager = await openTestManager(ws.state, ws.downloads, { maxConcurrent: 2 });
    let peak = 0;
    manager.on('items', () => {
      peak = Math.max(peak, manager.list().filter((i) => i.state === 'downloading' || i.state === 'retrying').length);
    });
    const { added } = manager.add([0, 1, 2, 3, 4].map((i) => server.url(`/q${i}.bin`)));
    await withTimeout(manager.whenIdle(), 20_000, 'queue did not drain');
    assert.equal(peak, 2);
    for (const id of added) assert.equal(manager.get(id)!.state, 'done');
    const firstRequests = server.requests.filter((r) => r.path.startsWith('/q')).slice(0, 2).map((r) => r.path).sort();
    assert.deepEqual(firstRequests, ['/q0.bin', '/q1.bin']);
    await manager.close();
    ws.cleanup();
  });

  it('announces every added item at once, also paused and waiting ones', async () => {
    const ws = tempWorkspace();
    const manager = await openTestManager(ws.state, ws.downloads, { maxConcurrent: 1 });
    const announced = new Set<string>();
    manager.on('items', ({ changed }) => changed.forEach((item) => announced.add(item.id)));
    const paused = manager.add([server.url('/never-1.bin')], { paused: true }).added;
    await waitForItem(manager, paused[0]!, () => announced.has(paused[0]!));
    await manager.close();
    ws.cleanup();
  });

  it('pause stops the bytes; resume continues with a range and completes', async () => {
    server.serve('/pause.bin', { body, faults: { throttleBytesPerSec: 500_000 } });
    const ws = tempWorkspace();
    const manager = await openTestManager(ws.state, ws.downloads);
    const { added } = manager.add([server.url('/pause.bin')]);
    const id = added[0]!;
    await waitForItem(manager, id, (item) => item.bytes > 100_000);
    manager.pause([id]);
    const paused = await waitForItem(manager, id, (item) => item.state === 'paused' && item.connections === 0);
    const part = path.join(ws.downloads, 'pause.bin.part');
    const sizeAtPause = paused.bytes;
    const requestsAtPause = server.requestsFor('/pause.bin').length;
    await new Promise((resolve) => setTimeout(resolve, 300)); // Proves silence: nothing may arrive now.
    assert.equal(manager.get(id)!.bytes, sizeAtPause);
    assert.equal(server.requestsFor('/pause.bin').length, requestsAtPause);
    assert.ok(fs.existsSync(part));
    manager.resume([id]);
    await withTimeout(manager.whenIdle(), 10_000, 'resume did not finish');
    const done = manager.get(id)!;
    assert.equal(done.state, 'done', JSON.stringify(done.error));
    assert.equal(sha256(done.path!), sha256(body));
    assert.match(server.requestsFor('/pause.bin').at(-1)!.headers.range ?? '', /^bytes=[1-9]\d*-$/);
    await manager.close();
    ws.cleanup();
  });

  it('cancel deletes the partial file and keeps the item as canceled; remove takes it off the list', async () => {
    server.serve('/cancel.bin', { body, faults: { throttleBytesPerSec: 300_000 } });
    const ws = tempWorkspace();
    const manager = await openTestManager(ws.state, ws.downloads);
    const { added } = manager.add([server.url('/cancel.bin')]);
    const id = added[0]!;
    await waitForItem(manager, id, (item) => item.bytes > 0);
    await manager.cancel([id]);
    assert.equal(manager.get(id)!.state, 'canceled');
    assert.deepEqual(fs.readdirSync(ws.downloads), []);
    await manager.remove([id], false);
    assert.equal(manager.get(id), undefined);
    await manager.close();
    ws.cleanup();
  });

  it('remove with the file deletes a finished file; without it keeps the file', async () => {
    server.serve('/keep.bin', { body });
    server.serve('/drop.bin', { body });
    const ws = tempWorkspace();
    const manager = await openTestManager(ws.state, ws.downloads);
    const { added } = manager.add([server.url('/keep.bin'), server.url('/drop.bin')]);
    await withTimeout(manager.whenIdle(), 10_000, 'downloads did not finish');
    await manager.remove([added[0]!], false);
    await manager.remove([added[1]!], true);
    assert.deepEqual(fs.readdirSync(ws.downloads), ['keep.bin']);
    assert.deepEqual(manager.list(), []);
    await manager.close();
    ws.cleanup();
  });
});

describe('restore', () => {
  let server: FaultServer;
  before(async () => (server = await startFaultServer()));
  after(() => server.close());

  it('an engine closed mid-download resumes at the next open with a range, byte-identical', async () => {
    server.serve('/restore.bin', { body, faults: { throttleBytesPerSec: 400_000 } });
    const ws = tempWorkspace();
    const first = await openTestManager(ws.state, ws.downloads);
    const { added } = first.add([server.url('/restore.bin')]);
    const id = added[0]!;
    await waitForItem(first, id, (item) => item.bytes > 200_000);
    await first.close();
    const second = await openTestManager(ws.state, ws.downloads);
    assert.ok(['queued', 'downloading'].includes(second.get(id)!.state));
    await withTimeout(second.whenIdle(), 10_000, 'restored download did not finish');
    const done = second.get(id)!;
    assert.equal(done.state, 'done', JSON.stringify(done.error));
    assert.equal(sha256(done.path!), sha256(body));
    assert.match(server.requestsFor('/restore.bin').at(-1)!.headers.range ?? '', /^bytes=[1-9]\d*-$/);
    await second.close();
    // Finished items are kept in the history across restarts.
    const third = await openTestManager(ws.state, ws.downloads);
    assert.equal(third.get(id)?.state, 'done');
    await third.close();
    ws.cleanup();
  });

  it('a finished item is listed once after a restart, and stays gone once removed', async () => {
    server.serve('/once.bin', { body });
    const ws = tempWorkspace();
    const first = await openTestManager(ws.state, ws.downloads);
    const { added } = first.add([server.url('/once.bin'), server.url('/never.bin')], {});
    first.pause([added[1]!]);
    await withTimeout(first.whenIdle(), 10_000, 'download did not finish');
    await first.close();
    const second = await openTestManager(ws.state, ws.downloads);
    assert.deepEqual(second.list().map((item) => [item.id, item.state]), [[added[0], 'done'], [added[1], 'paused']]);
    await second.remove([added[0]!], false);
    await second.close();
    const third = await openTestManager(ws.state, ws.downloads);
    assert.deepEqual(third.list().map((item) => item.id), [added[1]]);
    await third.close();
    ws.cleanup();
  });

  it('paused items stay paused after a restart', async () => {
    server.serve('/stay.bin', { body, faults: { throttleBytesPerSec: 300_000 } });
    const ws = tempWorkspace();
    const first = await openTestManager(ws.state, ws.downloads);
    const { added } = first.add([server.url('/stay.bin')]);
    const id = added[0]!;
    await waitForItem(first, id, (item) => item.bytes > 0);
    first.pause([id]);
    await first.close();
    const requests = server.requestsFor('/stay.bin').length;
    const second = await openTestManager(ws.state, ws.downloads);
    assert.equal(second.get(id)!.state, 'paused');
    await withTimeout(second.whenIdle(), 2_000, 'a paused item must not hold the engine busy');
    assert.equal(server.requestsFor('/stay.bin').length, requests);
    await second.close();
    ws.cleanup();
  });

  it('one process per state folder: a second engine on the same folder is refused clearly', async () => {
    const ws = tempWorkspace();
    const first = await openTestManager(ws.state, ws.downloads);
    await assert.rejects(openTestManager(ws.state, ws.downloads), (error: DownloadError) => error.code === 'ERR_STATE_LOCKED' && /Another Tsuzuki process/.test(words(error.info())));
    await first.close();
    ws.cleanup();
  });

  it('a corrupt checkpoint file is skipped, not fatal', async () => {
    const ws = tempWorkspace();
    fs.mkdirSync(path.join(ws.state, 'items'), { recursive: true });
    fs.writeFileSync(path.join(ws.state, 'items', 'broken.json'), '{"id": "broken", "url": 5}');
    const manager = await openTestManager(ws.state, ws.downloads);
    assert.deepEqual(manager.list(), []);
    await manager.close();
    ws.cleanup();
  });
});
