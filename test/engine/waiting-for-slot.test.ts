// What the feed says about downloads held back by the per-host limit: the connections shown
// are the ones really open, a download whose connections all wait for a slot says for which
// host and at what limit, and it is not sent again while nothing of it changes.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ItemSnapshot } from '../../main/engine/item.ts';
import { startFaultServer, type FaultServer } from '../support/fault-server.ts';
import { tempWorkspace, testBytes } from '../support/files.ts';
import { openTestManager, waitForItem, withTimeout } from '../support/manager.ts';

describe('waiting for a per-host slot', () => {
  let server: FaultServer;
  before(async () => (server = await startFaultServer()));
  after(() => server.close());

  it('shows the wait and the open connections, and sends a waiting item only when it changes', async () => {
    server.serve('/first.bin', { body: testBytes(3_000_000, 21), faults: { throttleBytesPerSec: 400_000 } });
    server.serve('/second.bin', { body: testBytes(200_000, 22) });
    const ws = tempWorkspace();
    const manager = await openTestManager(ws.state, ws.downloads, { perHostConnections: 1, maxConcurrent: 2 }, { snapshotIntervalMs: 20 });
    try {
      const [first] = manager.add([server.url('/first.bin')]).added;
      await waitForItem(manager, first!, (item) => item.bytes > 0);
      const [second] = manager.add([server.url('/second.bin')]).added;
      const waiting = await waitForItem(manager, second!, (item) => item.waitingForSlot !== undefined);
      assert.equal(waiting.state, 'downloading');
      assert.equal(waiting.connections, 0);
      assert.deepEqual(waiting.waitingForSlot, { host: new URL(server.origin).host, perHost: 1 });
      assert.equal(manager.get(first!)!.connections, 1);
      assert.equal(manager.get(first!)!.waitingForSlot, undefined);

      // The next ten batches that move the first item: the waiting one is in hardly any.
      let batches = 0;
      let withSecond = 0;
      await withTimeout(
        new Promise<void>((resolve) => {
          const onItems = ({ changed }: { changed: ItemSnapshot[] }) => {
            if (!changed.some((item) => item.id === first)) return;
            batches += 1;
            if (changed.some((item) => item.id === second)) withSecond += 1;
            if (batches === 10) {
              manager.off('items', onItems);
              resolve();
            }
          };
          manager.on('items', onItems);
        }),
        15_000,
        'the first item did not move',
      );
      // Its speed settles to 0 within a batch or two; after that nothing of it changes.
      assert.ok(withSecond <= 2, `the waiting item was sent in ${withSecond} of 10 batches`);

      await withTimeout(manager.whenIdle(), 20_000, 'downloads did not finish');
      const done = manager.get(second!)!;
      assert.equal(done.state, 'done', JSON.stringify(done.error));
      assert.equal(done.waitingForSlot, undefined);
    } finally {
      await manager.close();
      ws.cleanup();
    }
  });
});
