import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DownloadStore } from '../../renderer/src/lib/download-store.ts';
import { matches } from '../../renderer/src/lib/filters.ts';
import { snapshot } from './item-fixture.ts';

describe('the download store', () => {
  it('lists items in queue order, by tab, with counts, queue positions and total speed', () => {
    const store = new DownloadStore();
    store.replaceAll([
      snapshot({ id: 'c', order: 3, state: 'queued' }),
      snapshot({ id: 'a', order: 1, state: 'downloading', speed: 100 }),
      snapshot({ id: 'b', order: 2, state: 'queued' }),
      snapshot({ id: 'd', order: 4, state: 'retrying', speed: 0 }),
      snapshot({ id: 'e', order: 5, state: 'failed' }),
      snapshot({ id: 'f', order: 6, state: 'canceled' }),
      snapshot({ id: 'g', order: 7, state: 'done' }),
      snapshot({ id: 'h', order: 0, state: 'paused' }),
    ]);
    const view = store.view();
    assert.deepEqual(view.ids('all'), ['h', 'a', 'b', 'c', 'd', 'e', 'f', 'g']);
    assert.deepEqual(view.ids('active'), ['a', 'd']);
    assert.deepEqual(view.ids('queued'), ['b', 'c']);
    assert.deepEqual(view.ids('failed'), ['e'], 'a canceled download needs no attention: it is under All only');
    assert.deepEqual(view.counts, { all: 8, active: 2, queued: 2, paused: 1, done: 1, failed: 1 });
    assert.equal(view.queuePosition('b'), 1);
    assert.equal(view.queuePosition('c'), 2);
    assert.equal(view.queuePosition('a'), null);
    assert.equal(view.totalSpeed, 100);
  });

  it('applies progress without rebuilding the layout, and rebuilds it when an item moves between tabs', () => {
    const store = new DownloadStore();
    store.replaceAll([snapshot({ id: 'a', order: 1, state: 'downloading' }), snapshot({ id: 'b', order: 2, state: 'queued' })]);
    const before = store.view();
    const allBefore = before.ids('all');

    store.apply({ changed: [snapshot({ id: 'a', order: 1, state: 'downloading', bytes: 500, speed: 50 })], removed: [] });
    const progressed = store.view();
    assert.notEqual(progressed, before, 'a new view, so React renders');
    assert.ok(progressed.version > before.version);
    assert.equal(progressed.layoutVersion, before.layoutVersion);
    assert.equal(progressed.ids('all'), allBefore, 'the same array: nothing moved');
    assert.equal(progressed.get('a')?.bytes, 500);
    assert.equal(progressed.totalSpeed, 50);

    store.apply({ changed: [snapshot({ id: 'a', order: 1, state: 'done' })], removed: [] });
    const finished = store.view();
    assert.ok(finished.layoutVersion > progressed.layoutVersion);
    assert.deepEqual(finished.ids('done'), ['a']);
    assert.deepEqual(finished.ids('active'), []);
  });

  it('adds new items and forgets removed ones', () => {
    const store = new DownloadStore();
    store.replaceAll([snapshot({ id: 'a', order: 1 })]);
    store.apply({ changed: [snapshot({ id: 'b', order: 0 })], removed: ['a', 'unknown'] });
    const view = store.view();
    assert.deepEqual(view.ids('all'), ['b']);
    assert.equal(view.has('a'), false);
    assert.equal(view.size, 1);
  });

  it('tells subscribers about each change, and keeps the view stable between changes', () => {
    const store = new DownloadStore();
    assert.equal(store.view().loaded, false, 'nothing is known before the first list');
    let calls = 0;
    const off = store.subscribe(() => calls++);
    store.apply({ changed: [snapshot({ id: 'a' })], removed: [] });
    store.apply({ changed: [], removed: [] });
    assert.equal(calls, 1, 'an empty delta is no change');
    assert.equal(store.view(), store.view());
    off();
    store.replaceAll([]);
    assert.equal(calls, 1);
    assert.equal(store.view().loaded, true);
  });

  it('keeps 10,000 items and applies 50 batches of 100 changes, each view current', () => {
    const store = new DownloadStore();
    store.replaceAll(Array.from({ length: 10_000 }, (_, i) => snapshot({ id: `i${i}`, order: i, state: i % 3 === 0 ? 'downloading' : 'queued' })));
    store.view().ids('all');
    // No timing is asserted (a loaded machine makes any bound flaky); what matters here is
    // that every batch is applied and the view it yields is current.
    for (let round = 0; round < 50; round++) {
      store.apply({ changed: Array.from({ length: 100 }, (_, k) => snapshot({ id: `i${k * 3}`, order: k * 3, state: 'downloading', bytes: round })), removed: [] });
      const view = store.view();
      assert.equal(view.ids('all').length, 10_000);
      assert.equal(view.get('i0')!.bytes, round);
    }
    assert.equal(store.view().ids('queued').length, 10_000 - 3334);
    assert.ok(matches('queued', store.view().get('i1')!.state));
  });
});
