// Silence the server is not to blame for: the process itself held up (a busy machine, a long
// collection) while bytes kept arriving, or our own disk behind on writes. When a held-up
// process runs again, Node runs expired timers before it reads the sockets, so a stall clock
// that judged at once would abandon a connection with its next bytes already waiting.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { StallWatchdog } from '../../main/engine/stall-watchdog.ts';
import { startFaultServer, type FaultServer } from '../support/fault-server.ts';
import { sha256, tempWorkspace, testBytes } from '../support/files.ts';
import { openTestManager, waitForItem, withTimeout } from '../support/manager.ts';

/** Keeps this thread busy, as another process taking the core would. */
function holdThread(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // Nothing: the point is that no event is handled meanwhile.
  }
}

describe('a process held up past the stall timeout', () => {
  let server: FaultServer;
  before(async () => (server = await startFaultServer()));
  after(() => server.close());

  it('reads the bytes that waited instead of calling the server stalled', async () => {
    const body = testBytes(600_000, 52);
    // About 1.5 s of body, so the download is still running when the thread is let go.
    server.serve('/busy.bin', { body, faults: { throttleBytesPerSec: 400_000 } });
    const ws = tempWorkspace();
    const manager = await openTestManager(ws.state, ws.downloads, { stallTimeoutMs: 300, maxRetries: 0 });
    try {
      const [id] = manager.add([server.url('/busy.bin')]).added;
      await waitForItem(manager, id!, (item) => item.bytes > 0);
      // Three stall timeouts with the server sending all along.
      holdThread(900);
      await withTimeout(manager.whenIdle(), 20_000, 'download did not settle');
      const item = manager.get(id!)!;
      assert.equal(item.state, 'done', JSON.stringify(item.error));
      assert.equal(sha256(item.path!), sha256(body));
      assert.equal(server.requestsFor('/busy.bin').length, 1, 'the connection was abandoned and asked again');
    } finally {
      await manager.close();
      ws.cleanup();
    }
  });
});

describe('the stall clock while our side holds the bytes back', () => {
  it('starts again each time it expires while the disk is behind, and judges once it is not', async () => {
    let asked = 0;
    const stalled = new Promise<number>((resolve) => {
      // Behind at the first two expiries, then caught up.
      const watchdog = new StallWatchdog(20, () => resolve(asked), () => ++asked <= 2);
      void watchdog;
    });
    assert.equal(await withTimeout(stalled, 5_000, 'the clock never judged'), 3);
  });
});
