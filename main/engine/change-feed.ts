// What hosts hear about items: changes are marked as they happen and sent as one `items`
// event per interval (0.1 s by default) with the latest snapshot of each changed item and
// the ids of removed ones, so the event rate never grows with the number of items.
// Running items are sampled on every tick, since their bytes change without a mark.

import type { ItemSnapshot } from './item.ts';
import { snapshotOf } from './item-snapshot.ts';
import type { ManagedItem } from './managed-item.ts';

export type ItemsChange = { changed: ItemSnapshot[]; removed: string[] };

export class ChangeFeed {
  #items: ReadonlyMap<string, ManagedItem>;
  #send: (change: ItemsChange) => void;
  #changed = new Set<string>();
  #removed: string[] = [];
  #timer: NodeJS.Timeout;

  constructor(items: ReadonlyMap<string, ManagedItem>, send: (change: ItemsChange) => void, intervalMs: number) {
    this.#items = items;
    this.#send = send;
    this.#timer = setInterval(() => this.flush(), intervalMs).unref();
  }

  /** The item goes out in the next batch. */
  changed(id: string): void {
    this.#changed.add(id);
  }

  /** The item left the list: hosts drop it in the next batch. */
  removed(id: string): void {
    this.#changed.delete(id);
    this.#removed.push(id);
  }

  /** Sends what changed since the last batch, if anything did. */
  flush(): void {
    const now = Date.now();
    for (const item of this.#items.values()) {
      if (item.download) {
        item.meter.sample(item.download.bytes(), now);
        this.#changed.add(item.cp.id);
      }
    }
    if (this.#changed.size === 0 && this.#removed.length === 0) return;
    const changed: ItemSnapshot[] = [];
    for (const id of this.#changed) {
      const item = this.#items.get(id);
      if (item) changed.push(snapshotNow(item));
    }
    const removed = this.#removed;
    this.#changed.clear();
    this.#removed = [];
    this.#send({ changed, removed });
  }

  /** Sends the last batch and stops the timer. */
  close(): void {
    this.flush();
    clearInterval(this.#timer);
  }
}

export function snapshotNow(item: ManagedItem): ItemSnapshot {
  return snapshotOf(item.cp, item.download, item.meter, Date.now());
}
