// A running download records its progress as it goes (bytes flushed and synced, then the
// checkpoint), however its first seconds went: also when the first record was due before
// the server had answered at all.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { coveredBytes } from '../../main/engine/byte-ranges.ts';
import { startFaultServer, type FaultServer } from '../support/fault-server.ts';
import { sha256, tempWorkspace, testBytes } from '../support/files.ts';
import { openTestManager, waitForItem, withTimeout } from '../support/manager.ts';

describe('recording progress while running', () => {
  let server: FaultServer;
  before(async () => (server = await startFaultServer()));
  after(() => server.close());

  it('records durable ranges during a slow download whose first answer came late', async () => {
    const body = testBytes(900_000, 11);
    // The first answer is a 503 asking to wait two seconds: the first progress records (due
    // at 0.2, 0.6 and 1.4 s) find no file yet.
    server.serve('/late.bin', { body, faults: { statuses: [{ status: 503, headers: { 'retry-after': '2' } }], throttleBytesPerSec: 300_000 } });
    const ws = tempWorkspace();
    const manager = await openTestManager(ws.state, ws.downloads);
    try {
      const [id] = manager.add([server.url('/late.bin')]).added;
      const running = await waitForItem(manager, id!, (item) => item.state === 'downloading' && coveredBytes(item.segments) > 0, 15_000);
      assert.ok(running.path === null && coveredBytes(running.segments) < body.length);
      // What the checkpoint calls done is really in the part file.
      const part = fs.readdirSync(ws.downloads).find((name) => name.endsWith('.part'));
      assert.ok(part, 'no part file while running');
      await withTimeout(manager.whenIdle(), 15_000, 'download did not finish');
      const done = manager.get(id!)!;
      assert.equal(done.state, 'done', JSON.stringify(done.error));
      assert.equal(sha256(done.path!), sha256(body));
    } finally {
      await manager.close();
      ws.cleanup();
    }
  });
});
