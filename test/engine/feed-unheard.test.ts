// A feed nobody listens to (`tsuzuki get -q`) sends nothing and keeps nothing back; once a
// listener is there, marked items go out again at the next tick.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ChangeFeed, type ItemsChange } from '../../main/engine/change-feed.ts';
import type { ManagedItem } from '../../main/engine/managed-item.ts';
import { newCheckpoint } from '../../main/engine/new-checkpoint.ts';
import { SpeedMeter } from '../../main/engine/speed-meter.ts';

function itemsOf(...urls: string[]): Map<string, ManagedItem> {
  const items = new Map<string, ManagedItem>();
  urls.forEach((url, order) => {
    const cp = newCheckpoint(url, '/downloads', {}, order, 0);
    items.set(cp.id, { cp, meter: new SpeedMeter() });
  });
  return items;
}

describe('a feed nobody listens to', () => {
  it('sends nothing while unheard, drops what was marked then, and sends new marks once heard', () => {
    const items = itemsOf('http://127.0.0.1/a.bin', 'http://127.0.0.1/b.bin');
    const [a, b] = [...items.keys()] as [string, string];
    const sent: ItemsChange[] = [];
    let heard = false;
    // A long interval: every flush in this test is called by hand.
    const feed = new ChangeFeed(items, (change) => sent.push(change), 60_000, () => heard);
    try {
      feed.changed(a);
      feed.removed(b);
      feed.flush();
      assert.equal(sent.length, 0, 'nothing is sent while nobody listens');

      heard = true;
      feed.flush();
      assert.equal(sent.length, 0, 'marks made while unheard are not sent later (a new listener reads the list)');

      feed.changed(a);
      feed.flush();
      assert.deepEqual(
        sent.map(({ changed, removed }) => ({ changed: changed.map((item) => item.id), removed })),
        [{ changed: [a], removed: [] }],
      );
    } finally {
      feed.close();
    }
  });
});
