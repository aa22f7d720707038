import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addRange, missingRanges } from '../../main/engine/byte-ranges.ts';
import { SegmentLedger } from '../../main/engine/segment-ledger.ts';
import { retryDelay, parseRetryAfter } from '../../main/engine/retry-delay.ts';
import { TokenBucket } from '../../main/engine/token-bucket.ts';

describe('byte ranges', () => {
  it('merges and finds gaps', () => {
    let ranges = addRange([], [10, 20]);
    ranges = addRange(ranges, [0, 5]);
    ranges = addRange(ranges, [5, 10]);
    assert.deepEqual(ranges, [[0, 20]]);
    assert.deepEqual(missingRanges([[0, 10], [20, 30]], 40), [[10, 20], [30, 40]]);
    assert.deepEqual(missingRanges([[0, 10]], undefined), [[10, Number.POSITIVE_INFINITY]]);
  });
});

describe('segment ledger', () => {
  it('hands out missing ranges, then splits the largest one for an idle connection', () => {
    const ledger = new SegmentLedger([[0, 100]], 1000, 100);
    const first = ledger.next()!;
    assert.deepEqual([first.start, first.end], [100, 1000]);
    const second = ledger.next()!;
    assert.deepEqual([second.start, second.end], [550, 1000]);
    assert.equal(first.end, 550);
    first.position = 550;
    ledger.release(first);
    second.position = 1000;
    ledger.release(second);
    assert.ok(ledger.complete());
    assert.equal(ledger.next(), undefined);
  });

  it('records only written bytes, and never splits below the minimum', () => {
    const ledger = new SegmentLedger([], 300, 100);
    const only = ledger.next()!;
    only.received = 150; // received but not yet written
    assert.equal(ledger.next(), undefined);
    only.position = 120;
    assert.deepEqual(ledger.doneRanges(), [[0, 120]]);
  });
});

describe('segment ledger counts', () => {
  it('counts received bytes across the base, split segments and released ones', () => {
    const ledger = new SegmentLedger([[0, 100]], 1000, 100);
    const first = ledger.next()!;
    first.received = 200;
    assert.equal(ledger.bytesReceived(), 300);
    const second = ledger.next()!;
    assert.deepEqual([second.start, second.end, first.end], [650, 1000, 650]);
    second.received = 50;
    assert.equal(ledger.bytesReceived(), 350);
    first.received = 600; // more than its shrunk range: only up to its end counts
    assert.equal(ledger.bytesReceived(), 700);
    first.position = 650;
    ledger.release(first);
    assert.equal(ledger.bytesReceived(), 700);
    assert.deepEqual(ledger.doneRanges(), [[0, 650]]);
  });
});

describe('retry delays', () => {
  it('grows exponentially with jitter, capped, and obeys Retry-After', () => {
    assert.equal(retryDelay({ failures: 1, baseMs: 1000, maxMs: 60_000, random: () => 0 }), 500);
    assert.equal(retryDelay({ failures: 3, baseMs: 1000, maxMs: 60_000, random: () => 1 }), 4000);
    assert.equal(retryDelay({ failures: 30, baseMs: 1000, maxMs: 60_000, random: () => 1 }), 60_000);
    assert.equal(retryDelay({ failures: 1, baseMs: 1000, maxMs: 60_000, retryAfterMs: 7000 }), 7000);
    assert.equal(parseRetryAfter('120', 0), 120_000);
    assert.equal(parseRetryAfter('soon', 0), undefined);
  });
});

describe('token bucket', () => {
  it('lets a short burst through, then paces to the rate', () => {
    const bucket = new TokenBucket(1000, 0);
    assert.equal(bucket.take(100, 0), 0);
    assert.equal(bucket.take(500, 0), 500);
    assert.equal(bucket.take(500, 1000), 400); // refilled to the burst, not beyond
  });
});
