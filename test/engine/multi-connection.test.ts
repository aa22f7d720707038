// The fault catalogue again with eight connections: every file still byte-identical, every
// ranged request guarded by a validator, and the rules that force one stream obeyed.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startFaultServer, type FaultServer, type FileSpec } from '../support/fault-server.ts';
import { sha256, tempWorkspace, testBytes } from '../support/files.ts';
import { downloadOne, openTestManager, waitForItem, withTimeout } from '../support/manager.ts';

const body = testBytes(2_500_000, 8);

describe('eight connections', () => {
  let server: FaultServer;
  before(async () => (server = await startFaultServer()));
  after(() => server.close());

  async function fetch8(route: string, spec: FileSpec, expected = spec.body) {
    server.serve(route, spec);
    const ws = tempWorkspace();
    const manager = await openTestManager(ws.state, ws.downloads, { connections: 8 });
    try {
      const item = await downloadOne(manager, server.url(route));
      assert.equal(item.state, 'done', JSON.stringify(item.error));
      assert.equal(sha256(item.path!), sha256(expected));
      const requests = server.requestsFor(route);
      for (const request of requests.filter((r) => r.headers.range)) {
        assert.ok(request.headers['if-match'] || request.headers['if-unmodified-since'], `unguarded range ${request.headers.range}`);
      }
      return { item, requests };
    } finally {
      await manager.close();
      ws.cleanup();
    }
  }

  it('splits a healthy download into several ranged requests', async () => {
    const { requests } = await fetch8('/m/plain.bin', { body, faults: { throttleBytesPerSec: 3_000_000 } });
    assert.ok(requests.filter((r) => r.status === 206).length >= 3, `only ${requests.length} requests`);
  });

  it('survives cut connections and stalls on any connection', async () => {
    await fetch8('/m/cut.bin', { body, faults: { cutAfterBytes: 150_000, cutTimes: 5 } });
    await fetch8('/m/stall.bin', { body, faults: { stallAfterBytes: 100_000, stallTimes: 3 } });
  });

  it('drops to one connection when ranges are ignored, never appending a 200', async () => {
    const { requests } = await fetch8('/m/ignore.bin', { body, faults: { ignoreRange: true, advertiseRanges: true } });
    assert.ok(requests.every((r) => r.status === 200));
  });

  it('restarts everything when the file changes (412) and ends with the new file', async () => {
    const changed = testBytes(2_200_000, 81);
    const { item } = await fetch8('/m/changed.bin', { body, faults: { throttleBytesPerSec: 2_000_000, changeAfterRequests: { after: 2, body: changed } } }, changed);
    assert.ok(item.history.some((entry) => entry.code === 'serverFileChanged'));
  });

  it('uses one stream when the server gives no validator', async () => {
    const { requests } = await fetch8('/m/novalid.bin', { body, etag: null, lastModified: null });
    assert.equal(requests.length, 1);
  });

  it('waits out 503s and 429s on any connection', async () => {
    await fetch8('/m/busy.bin', { body, faults: { statuses: [undefined, { status: 503, headers: { 'retry-after': '0' } }, { status: 429 }] } });
  });

  it('resumes every segment after the engine is closed mid-download', async () => {
    server.serve('/m/restore.bin', { body, faults: { throttleBytesPerSec: 150_000 } });
    const ws = tempWorkspace();
    const first = await openTestManager(ws.state, ws.downloads, { connections: 8 });
    const { added } = first.add([server.url('/m/restore.bin')]);
    await waitForItem(first, added[0]!, (item) => item.segments.length > 1);
    await first.close();
    const before = server.requestsFor('/m/restore.bin').length;
    const second = await openTestManager(ws.state, ws.downloads, { connections: 8 });
    await withTimeout(second.whenIdle(), 15_000, 'restored download did not finish');
    const item = second.get(added[0]!)!;
    assert.equal(item.state, 'done', JSON.stringify(item.error));
    assert.equal(sha256(item.path!), sha256(body));
    const resumed = server.requestsFor('/m/restore.bin').slice(before);
    assert.ok(resumed.length > 0 && resumed.every((r) => r.headers.range && r.headers['if-match']));
    await second.close();
    ws.cleanup();
  });
});
