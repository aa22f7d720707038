// The resume rules of docs/ARCHITECTURE.md#resume-rules, one by one, against a real
// server: every finished file is byte-identical to the served body, and the request log
// shows what the engine sent.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startFaultServer, type FaultServer } from '../support/fault-server.ts';
import { sha256, tempWorkspace, testBytes } from '../support/files.ts';
import { downloadOne, openTestManager } from '../support/manager.ts';

const body = testBytes(1_500_000, 7);

describe('resuming a download', () => {
  let server: FaultServer;
  before(async () => (server = await startFaultServer()));
  after(() => server.close());

  async function fetchWith(pathName: string, spec: Parameters<FaultServer['serve']>[1], settings = {}) {
    server.serve(pathName, spec);
    const ws = tempWorkspace();
    const manager = await openTestManager(ws.state, ws.downloads, settings);
    try {
      const item = await downloadOne(manager, server.url(pathName));
      return { item, ws, requests: server.requestsFor(pathName) };
    } finally {
      await manager.close();
    }
  }

  it('probes with one plain GET (no HEAD), asks for identity encoding, and renames the .part at the end', async () => {
    const { item, ws, requests } = await fetchWith('/plain.bin', { body });
    assert.equal(item.state, 'done', JSON.stringify(item.error));
    assert.equal(sha256(item.path!), sha256(body));
    assert.deepEqual(fs.readdirSync(ws.downloads), ['plain.bin']);
    assert.equal(requests.length, 1);
    assert.equal(requests[0]!.method, 'GET');
    assert.equal(requests[0]!.headers.range, undefined);
    assert.equal(requests[0]!.headers['accept-encoding'], 'identity');
    ws.cleanup();
  });

  it('continues a cut body with Range and If-Match', async () => {
    const { item, ws, requests } = await fetchWith('/cut.bin', { body, faults: { cutAfterBytes: 400_000, cutTimes: 2 } });
    assert.equal(item.state, 'done', JSON.stringify(item.error));
    assert.equal(sha256(item.path!), sha256(body));
    assert.ok(requests.length >= 2);
    for (const retry of requests.slice(1)) {
      assert.match(retry.headers.range ?? '', /^bytes=[1-9]\d*-$/);
      assert.match(retry.headers['if-match'] ?? '', /^"[0-9a-f]+"$/);
    }
    ws.cleanup();
  });

  it('reconnects after a stall and continues where it stopped', async () => {
    const { item, ws, requests } = await fetchWith('/stall.bin', { body, faults: { stallAfterBytes: 300_000 } }, { stallTimeoutMs: 1000 });
    assert.equal(item.state, 'done', JSON.stringify(item.error));
    assert.equal(sha256(item.path!), sha256(body));
    assert.equal(requests.length, 2);
    assert.match(requests[1]!.headers.range ?? '', /^bytes=\d+-$/);
    assert.ok(Number(/=(\d+)/.exec(requests[1]!.headers.range!)![1]) > 0);
    ws.cleanup();
  });

  it('restarts from 0 when a server ignores Range (a 200 is never appended)', async () => {
    const { item, ws, requests } = await fetchWith('/ignore.bin', { body, faults: { ignoreRange: true, advertiseRanges: true, cutAfterBytes: 500_000 } });
    assert.equal(item.state, 'done', JSON.stringify(item.error));
    assert.equal(sha256(item.path!), sha256(body));
    assert.equal(fs.statSync(item.path!).size, body.length);
    assert.ok(requests.length >= 2);
    ws.cleanup();
  });

  it('restarts when the file changed between attempts (412), notes why, and ends with the new file', async () => {
    const changed = testBytes(1_200_000, 99);
    const { item, ws, requests } = await fetchWith('/changed.bin', { body, faults: { cutAfterBytes: 300_000, changeAfterRequests: { after: 1, body: changed } } });
    assert.equal(item.state, 'done', JSON.stringify(item.error));
    assert.equal(sha256(item.path!), sha256(changed));
    assert.equal(requests[1]!.status, 412);
    assert.ok(item.history.some((entry) => entry.code === 'serverFileChanged'), JSON.stringify(item.history));
    ws.cleanup();
  });

  it('does not trust a weak ETag: resumes with If-Unmodified-Since instead', async () => {
    const { item, ws, requests } = await fetchWith('/weak.bin', { body, faults: { weakEtag: true, cutAfterBytes: 400_000 } });
    assert.equal(item.state, 'done', JSON.stringify(item.error));
    assert.equal(sha256(item.path!), sha256(body));
    assert.equal(requests[1]!.headers['if-match'], undefined);
    assert.ok(requests[1]!.headers['if-unmodified-since']);
    assert.match(requests[1]!.headers.range ?? '', /^bytes=\d+-$/);
    ws.cleanup();
  });

  it('with no validator at all, restarts from 0 rather than resume unverified', async () => {
    const { item, ws, requests } = await fetchWith('/novalid.bin', { body, etag: null, lastModified: null, faults: { cutAfterBytes: 400_000 } });
    assert.equal(item.state, 'done', JSON.stringify(item.error));
    assert.equal(sha256(item.path!), sha256(body));
    assert.equal(requests[1]!.headers.range, undefined);
    ws.cleanup();
  });

  it('decodes a server that gzips against our wishes, so the file is the content', async () => {
    const { item, ws, requests } = await fetchWith('/gzip.bin', { body, faults: { gzipOnly: true } });
    assert.equal(item.state, 'done', JSON.stringify(item.error));
    assert.equal(sha256(item.path!), sha256(body));
    assert.equal(requests[0]!.headers['accept-encoding'], 'identity');
    ws.cleanup();
  });

  it('handles a body of unknown length (chunked)', async () => {
    const { item, ws } = await fetchWith('/chunked.bin', { body, faults: { noLength: true } });
    assert.equal(item.state, 'done', JSON.stringify(item.error));
    assert.equal(sha256(item.path!), sha256(body));
    ws.cleanup();
  });

  it('splits a download over several connections, each ranged and guarded', async () => {
    const big = testBytes(3_000_000, 3);
    const { item, ws, requests } = await fetchWith('/multi.bin', { body: big, faults: { throttleBytesPerSec: 2_000_000 } }, { connections: 4 });
    assert.equal(item.state, 'done', JSON.stringify(item.error));
    assert.equal(sha256(item.path!), sha256(big));
    const ranged = requests.filter((r) => r.headers.range);
    assert.ok(ranged.length >= 2, `expected helpers, got ${requests.length} requests`);
    for (const r of ranged) {
      assert.match(r.headers.range!, /^bytes=\d+-(\d+)?$/);
      assert.ok(r.headers['if-match']);
    }
    ws.cleanup();
  });

  it('checks a SHA-256: a match finishes, a mismatch fails loudly and leaves no file', async () => {
    server.serve('/sum.bin', { body });
    const ws = tempWorkspace();
    const manager = await openTestManager(ws.state, ws.downloads);
    const good = await downloadOne(manager, server.url('/sum.bin'), { sha256: sha256(body) });
    assert.equal(good.state, 'done');
    const bad = await downloadOne(manager, server.url('/sum.bin'), { sha256: '0'.repeat(64) });
    assert.equal(bad.state, 'failed');
    assert.equal(bad.error?.code, 'ERR_CHECKSUM_MISMATCH');
    assert.deepEqual(fs.readdirSync(ws.downloads), ['sum.bin']);
    await manager.close();
    ws.cleanup();
  });

  it('keeps the .part while downloading and names the result only when complete', async () => {
    server.serve('/slow.bin', { body, faults: { throttleBytesPerSec: 1_000_000 } });
    const ws = tempWorkspace();
    const manager = await openTestManager(ws.state, ws.downloads);
    const { added } = manager.add([server.url('/slow.bin')]);
    await server.waitForRequests('/slow.bin', 1);
    await new Promise<void>((resolve) => {
      const check = () => {
        if ((manager.get(added[0]!)?.bytes ?? 0) > 0) {
          manager.off('items', check);
          resolve();
        }
      };
      manager.on('items', check);
    });
    assert.deepEqual(fs.readdirSync(ws.downloads), ['slow.bin.part']);
    await manager.whenIdle();
    assert.deepEqual(fs.readdirSync(ws.downloads), ['slow.bin']);
    assert.equal(sha256(path.join(ws.downloads, 'slow.bin')), sha256(body));
    await manager.close();
    ws.cleanup();
  });
});
