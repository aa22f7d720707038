// What the desktop shell shows outside the window (tray, taskbar, dock, notifications, the
// power-save blocker) is a function of the items. This keeps the latest snapshot of each
// item from the engine's batched events and reports, per batch, which items just finished
// or failed, so everything downstream is decided from plain data.

import type { ItemSnapshot, ItemState } from '../../contract.ts';

/** Downloading now or waiting out a backoff: work that is under way. */
const ACTIVE: ReadonlySet<ItemState> = new Set(['downloading', 'retrying']);

export interface ActivitySummary {
  /** Downloading or retrying. */
  active: number;
  /** Queued: will start by themselves when a slot frees. */
  queued: number;
  /** Paused by the user: what Resume all would start. */
  paused: number;
  /** Summed speed of the active items, bytes per second. */
  speed: number;
  /** Bytes done and total over active and queued items whose size is known. */
  bytes: number;
  total: number;
  /**
   * Whether an active item has no known size. A queued one without a size is left out
   * instead: it has not been asked yet (every link added is), and a queue of them must not
   * hide the progress of the downloads running now.
   */
  unknownSize: boolean;
  /** Items that failed since the current busy stretch began (still failed). */
  failedRecently: number;
}

export interface BatchOutcome {
  finished: ItemSnapshot[];
  failed: ItemSnapshot[];
}

export class DesktopActivity {
  readonly #items = new Map<string, ItemSnapshot>();
  /** Failures seen while busy; cleared once nothing is active or queued. */
  readonly #recentFailures = new Set<string>();

  /** Seeds the tracker with the list at startup; nothing there counts as "just" finished or failed. */
  seed(items: readonly ItemSnapshot[]): void {
    for (const item of items) this.#items.set(item.id, item);
  }

  /** Applies one batch of changes and says which items crossed into done or failed. */
  apply(batch: { changed: readonly ItemSnapshot[]; removed: readonly string[] }): BatchOutcome {
    const outcome: BatchOutcome = { finished: [], failed: [] };
    for (const item of batch.changed) {
      const before = this.#items.get(item.id)?.state;
      this.#items.set(item.id, item);
      if (before === item.state) continue;
      if (item.state === 'done') outcome.finished.push(item);
      if (item.state === 'failed') {
        outcome.failed.push(item);
        this.#recentFailures.add(item.id);
      }
      if (item.state !== 'failed') this.#recentFailures.delete(item.id);
    }
    for (const id of batch.removed) {
      this.#items.delete(id);
      this.#recentFailures.delete(id);
    }
    const summary = this.summary();
    if (summary.active === 0 && summary.queued === 0) this.#recentFailures.clear();
    return outcome;
  }

  get(id: string): ItemSnapshot | undefined {
    return this.#items.get(id);
  }

  summary(): ActivitySummary {
    const summary: ActivitySummary = { active: 0, queued: 0, paused: 0, speed: 0, bytes: 0, total: 0, unknownSize: false, failedRecently: this.#recentFailures.size };
    for (const item of this.#items.values()) {
      const active = ACTIVE.has(item.state);
      if (active) summary.active += 1;
      else if (item.state === 'queued') summary.queued += 1;
      else if (item.state === 'paused') summary.paused += 1;
      if (!active && item.state !== 'queued') continue;
      summary.speed += item.speed;
      if (item.total === null) summary.unknownSize ||= active;
      else {
        summary.bytes += Math.min(item.bytes, item.total);
        summary.total += item.total;
      }
    }
    return summary;
  }
}

/** The overall fraction done of the active and queued items with a known size (null when there is none). */
export function overallFraction(summary: ActivitySummary): number | null {
  return summary.total > 0 ? summary.bytes / summary.total : null;
}
