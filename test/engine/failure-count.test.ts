// The count a download's backoff and retry limit read: reset by progress, forgiven across a
// sleep, and a nudge that ends the wait.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FailureCount } from '../../main/engine/failure-count.ts';

describe('a download’s failure count', () => {
  it('counts failures in a row and starts again after progress', () => {
    const count = new FailureCount();
    assert.equal(count.charge(), true);
    assert.equal(count.charge(), true);
    assert.equal(count.failures, 2);
    count.progressed();
    assert.equal(count.failures, 0);
  });

  it('forgives what failed during a sleep, and one failure per connection that was open, then counts again', () => {
    const count = new FailureCount();
    count.charge();
    count.suspended();
    count.charge();
    count.charge();
    count.woke(2, 60_000);
    assert.equal(count.failures, 1, 'back to the count at the suspend');
    assert.equal(count.charge(), false);
    assert.equal(count.charge(), false);
    assert.equal(count.failures, 1, 'the two dying connections were not counted');
    assert.equal(count.charge(), true);
    assert.equal(count.failures, 2);
  });

  it('counts again once the grace after a wake is over', () => {
    const count = new FailureCount();
    count.woke(3, -1);
    assert.equal(count.charge(), true);
    assert.equal(count.failures, 1);
  });

  it('a nudge aborts the signal a backoff waits on, and the next wait gets a fresh one', () => {
    const count = new FailureCount();
    const waiting = count.nudged;
    count.nudge();
    assert.equal(waiting.aborted, true);
    assert.equal(count.nudged.aborted, false);
  });
});
