// What the feed sends of a running item: a move of its bar goes out at the next tick, while
// speed and time left changing with no byte arriving (a stalled or bursty server) go out at
// most every half second, so a window is not made to redraw a row ten times a second for a
// line of words it shows at most twice a second.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ItemSnapshot } from '../../main/engine/item.ts';
import { startFaultServer, type FaultServer } from '../support/fault-server.ts';
import { tempWorkspace, testBytes } from '../support/files.ts';
import { openTestManager, waitForItem, withTimeout } from '../support/manager.ts';

const QUIET_MS = 500;
/**
 * The feed reads its clock a moment before the listener reads its own (the same turn of the
 * event loop); a loaded machine can stretch that moment. Without the quiet re-sends the
 * stalled item's snapshots come about 200 ms apart (the meter's sampling).
 */
const SLACK_MS = 100;

interface Sent {
  at: number;
  item: ItemSnapshot;
}

/** Every snapshot of `id` the manager sends, with the time it arrived. */
function recordSends(manager: Awaited<ReturnType<typeof openTestManager>>, id: string): { sent: Sent[]; stop(): void } {
  const sent: Sent[] = [];
  const onItems = ({ changed }: { changed: ItemSnapshot[] }) => {
    const item = changed.find((candidate) => candidate.id === id);
    if (item) sent.push({ at: Date.now(), item });
  };
  manager.on('items', onItems);
  return { sent, stop: () => manager.off('items', onItems) };
}

function until(test: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  return withTimeout(
    new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (!test()) return;
        clearInterval(timer);
        resolve();
      }, 20);
    }),
    timeoutMs,
    what,
  );
}

describe('the feed of a running item', () => {
  let server: FaultServer;
  before(async () => (server = await startFaultServer()));
  after(() => server.close());

  it('sends speed and time left that move while no byte arrives at most every half second', async () => {
    const stalledAt = 300_000;
    server.serve('/stalls.bin', { body: testBytes(2_000_000, 31), faults: { stallAfterBytes: stalledAt } });
    const ws = tempWorkspace();
    // Ticks every 20 ms, and a stall watchdog that does not end the stall during the test.
    const manager = await openTestManager(ws.state, ws.downloads, { stallTimeoutMs: 60_000 }, { snapshotIntervalMs: 20 });
    try {
      const [id] = manager.add([server.url('/stalls.bin')]).added;
      const { sent, stop } = recordSends(manager, id!);
      await waitForItem(manager, id!, (item) => item.bytes === stalledAt);
      // Once its bytes are recorded and its speed measured, nothing of the row but the speed and
      // time left moves.
      const stalled = () =>
        sent.filter(({ item }) => item.state === 'downloading' && item.bytes === stalledAt && item.speed > 0 && item.segments.some(([, end]) => end === stalledAt));
      // The speed decays from the first burst's over seconds: it keeps changing.
      await until(() => stalled().length >= 5, 'five snapshots of the stalled item');
      stop();
      const during = stalled();
      const speeds = new Set(during.map(({ item }) => Math.round(item.speed / 1000)));
      assert.ok(speeds.size >= 3, `the speed shown moved (${[...speeds].join(', ')} kB/s)`);
      for (let i = 1; i < during.length; i++) {
        const gap = during[i]!.at - during[i - 1]!.at;
        assert.ok(gap >= QUIET_MS - SLACK_MS, `snapshots ${i - 1} and ${i} of the stalled item came ${gap} ms apart`);
      }
    } finally {
      await manager.close();
      ws.cleanup();
    }
  });

  it('sends a move of the bar at the next tick', async () => {
    // 400 kB/s on 2 MB: the bar moves a tenth of a percent every 5 ms, so at every 20 ms tick.
    server.serve('/flows.bin', { body: testBytes(2_000_000, 32), faults: { throttleBytesPerSec: 400_000 } });
    const ws = tempWorkspace();
    const manager = await openTestManager(ws.state, ws.downloads, {}, { snapshotIntervalMs: 20 });
    try {
      const [id] = manager.add([server.url('/flows.bin')]).added;
      const { sent, stop } = recordSends(manager, id!);
      const flowing = () => sent.filter(({ item }) => item.state === 'downloading' && item.bytes > 0);
      await until(() => flowing().length >= 10, 'ten snapshots while the bytes flow');
      stop();
      const during = flowing();
      const gaps = during.slice(1).map(({ at }, i) => at - during[i]!.at);
      assert.ok(
        gaps.some((gap) => gap < QUIET_MS - SLACK_MS),
        `every snapshot came at least ${QUIET_MS - SLACK_MS} ms after the last (${gaps.join(', ')} ms)`,
      );
    } finally {
      await manager.close();
      ws.cleanup();
    }
  });
});
