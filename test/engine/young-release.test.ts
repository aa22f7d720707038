// Received body bytes bring a real minor collection (seen as a forced one by V8's GC
// entries), at an interval that grows with the writers holding unwritten chunks.

import assert from 'node:assert/strict';
import { constants, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { describe, it } from 'node:test';
import { bodyReceived, writerClosed, writerOpened } from '../../main/engine/young-release.ts';

const MiB = 1024 * 1024;

function forcedMinor(entry: PerformanceEntry): boolean {
  const { detail } = entry as PerformanceEntry & { detail: { kind: number; flags: number } };
  return detail.kind === constants.NODE_PERFORMANCE_GC_MINOR && (detail.flags & constants.NODE_PERFORMANCE_GC_FLAGS_FORCED) !== 0;
}

describe('minor collections paced by body bytes', () => {
  it('collects after 8 MiB per open writer, not before', { timeout: 10_000 }, async () => {
    const seen: PerformanceEntry[] = [];
    let firstSeen!: () => void;
    const arrived = new Promise<void>((resolve) => (firstSeen = resolve));
    const observer = new PerformanceObserver((list) => {
      seen.push(...list.getEntries().filter(forcedMinor));
      if (seen.length > 0) firstSeen();
    });
    observer.observe({ entryTypes: ['gc'] });
    writerOpened();
    writerOpened();
    try {
      // Two writers: 15 MiB is below their 16 MiB.
      for (let i = 0; i < 15; i++) bodyReceived(MiB);
      const beforeThreshold = performance.now();
      bodyReceived(MiB);
      // Entries come in order, so once the one for the 16th MiB is here, any earlier one is too.
      await arrived;
      assert.equal(seen.filter((entry) => entry.startTime < beforeThreshold).length, 0, 'no collection before 16 MiB with two writers');
      assert.equal(seen.length, 1, 'one collection at 16 MiB');
    } finally {
      writerClosed();
      writerClosed();
      observer.disconnect();
    }
  });
});
