// What hosts hear about items: changes are marked as they happen and sent as one `items`
// event per interval (0.1 s by default) with the latest snapshot of each changed item and
// the ids of removed ones, so the event rate never grows with the number of items.
// Running items are sampled on every tick, since their bytes change without a mark, and
// sent when what their row shows changed: at once when the state, the size, the bar (to a
// tenth of a percent) or the connections moved; the byte count, speed and time left, which
// the window's status line shows at most about twice a second, at most every QUIET_MS.
// With nobody listening (`tsuzuki get -q`) no snapshot is made: building 200 of them ten
// times a second was most of what a quiet CLI allocated, and the garbage it made kept the
// young generation collecting so often that socket buffers in flight were promoted and
// held until a full collection (27 MB of a 137 MB peak).

import type { ItemSnapshot } from './item.ts';
import { snapshotOf } from './item-snapshot.ts';
import type { ManagedItem } from './managed-item.ts';

export type ItemsChange = { changed: ItemSnapshot[]; removed: string[] };

/**
 * Speed and time left move on every sample even while no byte arrives (a stall, a server
 * that sends in bursts), and a big file's byte count moves its row's bar by less than a
 * pixel a tick: such changes go out at most this often.
 */
const QUIET_MS = 500;

/** What a running item's row shows, as last sent. */
interface Shown {
  /** Sent as soon as it changes. */
  now: string;
  /** Sent when it changed and QUIET_MS have passed since the item was last sent. */
  soon: string;
  at: number;
}

export class ChangeFeed {
  #items: ReadonlyMap<string, ManagedItem>;
  #send: (change: ItemsChange) => void;
  #watched: () => boolean;
  #changed = new Set<string>();
  #removed: string[] = [];
  #timer: NodeJS.Timeout;
  /** For running items: what was last sent of them, as `shownOf` sums it up. */
  #lastShown = new Map<string, Shown>();

  constructor(items: ReadonlyMap<string, ManagedItem>, send: (change: ItemsChange) => void, intervalMs: number, watched: () => boolean = () => true) {
    this.#items = items;
    this.#send = send;
    this.#watched = watched;
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
    const watched = this.#watched();
    const changed: ItemSnapshot[] = [];
    for (const item of this.#items.values()) {
      const { id } = item.cp;
      if (!item.download) {
        this.#lastShown.delete(id);
        continue;
      }
      // Sampled even unheard: `get` and `list` show the speed too.
      item.meter.sample(item.download.bytes(), now);
      if (!watched || this.#changed.has(id)) continue;
      // A running item goes out only when what a person sees of it moved: one waiting for
      // a connection, or stalled, is not sent again ten times a second.
      const snapshot = snapshotOf(item, now);
      const shown = shownOf(snapshot, now);
      const last = this.#lastShown.get(id);
      if (last && last.now === shown.now && (last.soon === shown.soon || now - last.at < QUIET_MS)) continue;
      this.#lastShown.set(id, shown);
      changed.push(snapshot);
    }
    if (!watched) {
      // A host that starts listening reads the whole list first (`list`), which has all of it.
      this.#changed.clear();
      this.#removed = [];
      this.#lastShown.clear();
      return;
    }
    if (changed.length === 0 && this.#changed.size === 0 && this.#removed.length === 0) return;
    for (const id of this.#changed) {
      const item = this.#items.get(id);
      if (!item) continue;
      const snapshot = snapshotOf(item, now);
      if (item.download) this.#lastShown.set(id, shownOf(snapshot, now));
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

/** The parts of a running item's row that can change without a mark (speed to the kB/s): what shows at once, and what may wait. */
function shownOf(item: ItemSnapshot, at: number): Shown {
  const waiting = item.waitingForSlot ? `${item.waitingForSlot.host}/${item.waitingForSlot.perHost}` : '';
  // Without a size the bar has no length, only the byte count moves.
  const bar = item.total ? Math.floor((item.bytes / item.total) * 1000) : '';
  // The first byte and a stop are news (the line changes from "Starting" or to "Waiting for data").
  const flowing = `${item.bytes > 0}${item.speed > 0}`;
  return {
    now: `${item.state}|${item.total}|${bar}|${flowing}|${item.connections}|${item.segments.length}|${item.retry?.at ?? ''}|${waiting}`,
    soon: `${item.bytes}|${Math.round(item.speed / 1000)}|${item.eta}`,
    at,
  };
}
