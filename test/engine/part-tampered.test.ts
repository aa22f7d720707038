// Another program touches the `.part` while a download is writing it: cuts it short,
// deletes it, moves its folder away. The server stalls once after some bytes, so nothing is
// being written at the moment the test touches the file; the next write, after the stall,
// is the one that must notice. A cut file written on would grow back to full size with
// zeros where the cut bytes were, and pass the final size check: it must fail instead, and
// a resume continue from the cut. A removed file must fail at once, not after every byte
// has gone into a file that no longer has a name.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import type { DownloadManager } from '../../main/engine/download-manager.ts';
import { startFaultServer, type FaultServer } from '../support/fault-server.ts';
import { sha256, tempWorkspace, testBytes } from '../support/files.ts';
import { openTestManager, waitForItem, withTimeout } from '../support/manager.ts';

const SIZE = 1_200_000;
const STALL_AT = 300_000;

/** Waits (bounded) until the `.part` holds every byte sent before the stall: nothing is being written then. */
async function untilWritten(part: string, bytes: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if ((fs.statSync(part, { throwIfNoEntry: false })?.size ?? 0) >= bytes) return;
    await sleep(25);
  }
  throw new Error(`${part} never reached ${bytes} bytes`);
}

describe('a .part touched by another program mid-download', () => {
  let server: FaultServer;
  before(async () => (server = await startFaultServer()));
  after(() => server.close());

  /** A download that stalls once at STALL_AT; resolves when those bytes are in its `.part`. */
  async function stalledDownload(route: string, body: Buffer, ws: ReturnType<typeof tempWorkspace>, stallTimes = 1): Promise<{ manager: DownloadManager; id: string; part: string }> {
    server.serve(route, { body, faults: { stallAfterBytes: STALL_AT, stallTimes } });
    // A stall timeout well over a second: the path is looked at once a second at most.
    const manager = await openTestManager(ws.state, ws.downloads, { stallTimeoutMs: 2500, maxRetries: 3 });
    const { added } = manager.add([server.url(route)]);
    const id = added[0]!;
    const part = path.join(ws.downloads, `${route.slice(1)}.part`);
    await server.waitForBodyBytes(route, STALL_AT);
    await untilWritten(part, STALL_AT);
    return { manager, id, part };
  }

  it('cut short: the item fails saying so, and a resume continues from the cut to identical bytes', async () => {
    const ws = tempWorkspace();
    const body = testBytes(SIZE, 61);
    const { manager, id, part } = await stalledDownload('/cut.bin', body, ws);
    try {
      fs.truncateSync(part, 1000);
      const failed = await waitForItem(manager, id, (item) => item.state === 'failed' || item.state === 'done', 20_000);
      assert.equal(failed.state, 'failed', 'writing on would fill the cut with zeros');
      assert.equal(failed.error?.code, 'ERR_WRITE');
      assert.equal(failed.error?.params?.['variant'], 'partCut');
      assert.equal(failed.error?.action, 'resume');
      manager.resume([id]);
      const done = await waitForItem(manager, id, (item) => item.state === 'done' || item.state === 'failed', 20_000);
      assert.equal(done.state, 'done', JSON.stringify(done.error));
      assert.equal(sha256(done.path!), sha256(body));
      const ranges = server.requestsFor('/cut.bin').map((request) => request.headers['range']);
      assert.equal(ranges.at(-1), 'bytes=1000-', 'the resume trusts only the bytes before the cut');
    } finally {
      await manager.close();
      ws.cleanup();
    }
  });

  it('deleted: the item fails at the next write, not after the last byte, and says the file is gone', async () => {
    const ws = tempWorkspace();
    const body = testBytes(SIZE, 62);
    // The retry after the stall stalls too: a download that wrote on into the nameless file
    // would need a third request to finish, and fail only then.
    const { manager, id, part } = await stalledDownload('/deleted.bin', body, ws, 2);
    try {
      fs.rmSync(part);
      const failed = await waitForItem(manager, id, (item) => item.state === 'failed' || item.state === 'done', 20_000);
      assert.equal(failed.state, 'failed');
      assert.equal(failed.error?.code, 'ERR_WRITE');
      assert.equal(failed.error?.params?.['variant'], 'partGone');
      assert.equal(server.requestsFor('/deleted.bin').length, 2, 'failed at the first write after the removal');
      manager.retry([id]);
      const done = await waitForItem(manager, id, (item) => item.state === 'done' || item.state === 'failed', 20_000);
      assert.equal(done.state, 'done', JSON.stringify(done.error));
      assert.equal(sha256(done.path!), sha256(body));
    } finally {
      await manager.close();
      ws.cleanup();
    }
  });

  it('its folder moved away and another put in its place: the item fails, and nothing in either folder is touched', async () => {
    const ws = tempWorkspace();
    const body = testBytes(SIZE, 63);
    const { manager, id, part } = await stalledDownload('/moved.bin', body, ws);
    const moved = path.join(ws.root, 'moved-away');
    try {
      fs.renameSync(ws.downloads, moved);
      fs.mkdirSync(ws.downloads);
      const theirs = Buffer.from('a file of the same name that is not the download\n');
      fs.writeFileSync(part, theirs);
      const failed = await waitForItem(manager, id, (item) => item.state === 'failed' || item.state === 'done', 20_000);
      assert.equal(failed.state, 'failed');
      assert.equal(failed.error?.params?.['variant'], 'partGone');
      await withTimeout(manager.whenIdle(), 5000, 'the engine did not settle');
      assert.deepEqual(fs.readFileSync(part), theirs, 'the file now at that name is not removed or written');
      assert.deepEqual(fs.readdirSync(ws.downloads), ['moved.bin.part']);
    } finally {
      await manager.close();
      ws.cleanup();
    }
  });
});
