// What hosts hear about items: changes are marked as they happen and sent as one `items`
// event per interval (0.1 s by default) with the latest snapshot of each changed item and
// the ids of removed ones, so the event rate never grows with the number of items.
// Running items are sampled on every tick, since their bytes change without a mark, and
// sent when what their row shows changed.

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
  /** For running items: what was last sent of them, as `visibleOf` sums it up. */
  #lastShown = new Map<string, string>();

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
    this.#lastShown.delete(id);
    this.#removed.push(id);
  }

  /** Sends what changed since the last batch, if anything did. */
  flush(): void {
    const now = Date.now();
    const changed: ItemSnapshot[] = [];
    for (const item of this.#items.values()) {
      const { id } = item.cp;
      if (!item.download) {
        this.#lastShown.delete(id);
        continue;
      }
      item.meter.sample(item.download.bytes(), now);
      if (this.#changed.has(id)) continue;
      // A running item goes out only when what a person sees of it moved: one waiting for
      // a connection, or stalled, is not sent again ten times a second.
      const snapshot = snapshotOf(item, now);
      const shown = visibleOf(snapshot);
      if (this.#lastShown.get(id) === shown) continue;
      this.#lastShown.set(id, shown);
      changed.push(snapshot);
    }
    if (changed.length === 0 && this.#changed.size === 0 && this.#removed.length === 0) return;
    for (const id of this.#changed) {
      const item = this.#items.get(id);
      if (!item) continue;
      const snapshot = snapshotOf(item, now);
      if (item.download) this.#lastShown.set(id, visibleOf(snapshot));
      changed.push(snapshot);
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
  return snapshotOf(item, Date.now());
}

/** The parts of a running item's row that can change without a mark (speed to the kB/s). */
function visibleOf(item: ItemSnapshot): string {
  const waiting = item.waitingForSlot ? `${item.waitingForSlot.host}/${item.waitingForSlot.perHost}` : '';
  return `${item.state}|${item.bytes}|${item.total}|${Math.round(item.speed / 1000)}|${item.eta}|${item.connections}|${item.segments.length}|${item.retry?.at ?? ''}|${waiting}`;
}
