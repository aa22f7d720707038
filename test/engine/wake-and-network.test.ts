// After a sleep or a network drop, downloads do not sit out their backoff: the host tells
// the engine (powerMonitor resume, a network interface coming back) and waiting attempts go
// at once. Connections that died in the sleep are replaced without counting as failures.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startFaultServer, type FaultServer } from '../support/fault-server.ts';
import { sha256, tempWorkspace, testBytes } from '../support/files.ts';
import { openTestManager, waitForItem, withTimeout } from '../support/manager.ts';

const body = testBytes(600_000, 21);

describe('wake and network back', () => {
  let server: FaultServer;
  before(async () => (server = await startFaultServer()));
  after(() => server.close());

  it('the network is back: an attempt waiting out a 10-minute Retry-After goes at once', async () => {
    server.serve('/later.bin', { body, faults: { statuses: [{ status: 503, headers: { 'retry-after': '600' } }] } });
    const ws = tempWorkspace();
    // A loaded machine can take longer than the usual test stall timeout (1.5 s) to answer;
    // a stall would be retried at once and the 503 never parked.
    const manager = await openTestManager(ws.state, ws.downloads, { stallTimeoutMs: 60_000 });
    const [id] = manager.add([server.url('/later.bin')]).added;
    const waiting = await waitForItem(manager, id!, (item) => item.state === 'retrying');
    assert.ok(waiting.retry && waiting.retry.at - Date.now() > 60_000, 'parked for minutes');
    manager.networkBack();
    const done = await waitForItem(manager, id!, (item) => item.state === 'done' || item.state === 'failed');
    assert.equal(done.state, 'done', JSON.stringify(done.error));
    assert.equal(sha256(done.path!), sha256(body));
    assert.deepEqual(server.requestsFor('/later.bin').map((request) => request.status), [503, 200]);
    await manager.close();
    ws.cleanup();
  });

  it('a wake replaces a connection that died in the sleep, and that does not count toward the retry limit', async () => {
    // The first body stops after 200 kB and never continues, like a socket that did not
    // survive the sleep. With no retries allowed, a counted failure would fail the item.
    server.serve('/slept.bin', { body, faults: { stallAfterBytes: 200_000 } });
    const ws = tempWorkspace();
    const manager = await openTestManager(ws.state, ws.downloads, { maxRetries: 0, stallTimeoutMs: 60_000 });
    const [id] = manager.add([server.url('/slept.bin')]).added;
    await waitForItem(manager, id!, (item) => item.bytes >= 200_000);
    manager.systemSuspended();
    manager.systemResumed();
    await withTimeout(manager.whenIdle(), 15_000, 'the download did not finish after the wake');
    const done = manager.get(id!)!;
    assert.equal(done.state, 'done', JSON.stringify(done.error));
    assert.equal(sha256(done.path!), sha256(body));
    const requests = server.requestsFor('/slept.bin');
    assert.equal(requests.length, 2);
    assert.match(requests[1]!.headers.range ?? '', /^bytes=[1-9]\d*-$/, 'it continued where it was');
    await manager.close();
    ws.cleanup();
  });

  it('nothing running: the nudges are harmless', async () => {
    const ws = tempWorkspace();
    const manager = await openTestManager(ws.state, ws.downloads);
    manager.systemSuspended();
    manager.systemResumed();
    manager.networkBack();
    assert.deepEqual(manager.list(), []);
    await manager.close();
    ws.cleanup();
  });
});
