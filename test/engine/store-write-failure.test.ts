// Store writes that fail (a full disk under the state folder) never throw out of a timer:
// the item says its progress could not be saved (on its row while it lasts, and in its
// history), the write is retried, and once it works the record is whole again.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { JsonDocument, StoreProvider } from '../../main/engine/store.ts';
import { confStoreProvider } from '../../main/stores/conf-store.ts';
import { startFaultServer, type FaultServer } from '../support/fault-server.ts';
import { sha256, tempWorkspace, testBytes } from '../support/files.ts';
import { openTestManager, waitForItem, withTimeout } from '../support/manager.ts';
import { DownloadManager } from '../../main/engine/download-manager.ts';

/** A provider whose writes fail with ENOSPC while `full` is set, as a full disk does. */
function fillableProvider(dir: string): { provider: StoreProvider; setFull: (full: boolean) => void } {
  const real = confStoreProvider(dir);
  let full = false;
  return {
    setFull: (value) => (full = value),
    provider: {
      dir,
      open(folder, name): JsonDocument {
        const doc = real.open(folder, name);
        return {
          path: doc.path,
          get store() {
            return doc.store;
          },
          set store(value) {
            if (full) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
            doc.store = value;
          },
        };
      },
    },
  };
}

describe('store writes on a full disk', () => {
  let server: FaultServer;
  before(async () => (server = await startFaultServer()));
  after(() => server.close());

  it('are retried, reported on the item, and never crash the engine', async () => {
    const body = testBytes(3_000_000, 8);
    server.serve('/slow.bin', { body, faults: { throttleBytesPerSec: 2_000_000 } });
    const ws = tempWorkspace();
    const { provider, setFull } = fillableProvider(ws.state);
    const manager = await openTestManager(ws.state, ws.downloads, {}, { store: provider });
    const { added } = manager.add([server.url('/slow.bin')]);
    const id = added[0]!;
    await server.waitForBodyBytes('/slow.bin', 500_000);
    setFull(true);
    const warned = await waitForItem(manager, id, (item) => item.notSaved !== undefined);
    // The row says so while it lasts: the reason, as data, beside the history note.
    assert.deepEqual(warned.notSaved, { code: 'ERR_DISK_FULL', params: { path: ws.state }, action: 'freeSpace' });
    assert.ok(warned.history.some((entry) => entry.code === 'recordNotSaved'), JSON.stringify(warned.history));
    setFull(false);
    const saved = await waitForItem(manager, id, (item) => item.notSaved === undefined);
    assert.ok(saved.history.some((entry) => entry.code === 'recordSavedAgain'), JSON.stringify(saved.history));
    await withTimeout(manager.whenIdle(), 20_000, 'download did not finish');
    const done = manager.get(id)!;
    assert.equal(done.state, 'done', JSON.stringify(done.error));
    assert.equal(done.notSaved, undefined);
    assert.equal(sha256(done.path!), sha256(body));
    await manager.close();
    // The record is whole: a new engine sees the finished item.
    const reopened = await DownloadManager.open({ store: confStoreProvider(ws.state), defaults: { dir: ws.downloads } });
    assert.equal(reopened.get(id)?.state, 'done');
    await reopened.close();
    ws.cleanup();
  });
});
