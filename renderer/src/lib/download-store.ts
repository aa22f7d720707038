// Every item the engine reported, kept in step with it: a full list on (re)connect, then
// deltas. Built for 10,000 items updated ten times a second: a delta replaces only the
// changed entries, and the sorted order, per-tab lists, counts and queue positions are
// rebuilt only when something moved between tabs or in the queue (an item was added or
// removed, or changed state or order), not when bytes and speed changed.

import type { EventPayloads, ItemSnapshot } from '../../../main/contract.ts';
import { emptyCounts, filterOf, matches, type Filter } from './filters.ts';

/** An immutable view of the store at one version: what the window renders from. */
export interface DownloadsView {
  /** Changes on every delta. */
  readonly version: number;
  /** Changes only when the order, the tab of an item or the set of items changed. */
  readonly layoutVersion: number;
  readonly size: number;
  /** False until the first full list arrived: an empty list before that means "not known yet". */
  readonly loaded: boolean;
  get(id: string): ItemSnapshot | undefined;
  has(id: string): boolean;
  /** Ids shown under a tab, in queue order. The same array until the layout changes. */
  ids(filter: Filter): readonly string[];
  readonly counts: Readonly<Record<Filter, number>>;
  /** 1-based position of each queued item. */
  queuePosition(id: string): number | null;
  /** Sum of all items' speeds, bytes per second. */
  readonly totalSpeed: number;
}

export class DownloadStore {
  #items = new Map<string, ItemSnapshot>();
  #loaded = false;
  #version = 0;
  #layoutVersion = 0;
  #layout: Layout | null = null;
  #view: DownloadsView | null = null;
  #listeners = new Set<() => void>();

  /** Replaces everything (the answer to `list`). */
  replaceAll(items: readonly ItemSnapshot[]): void {
    this.#items = new Map(items.map((item) => [item.id, item]));
    this.#loaded = true;
    this.#changed(true);
  }

  /** Applies one `items` event. */
  apply({ changed, removed }: EventPayloads['items']): void {
    if (changed.length === 0 && removed.length === 0) return;
    let layout = false;
    for (const item of changed) {
      const before = this.#items.get(item.id);
      if (!before || before.state !== item.state || before.order !== item.order) layout = true;
      this.#items.set(item.id, item);
    }
    for (const id of removed) if (this.#items.delete(id)) layout = true;
    this.#changed(layout);
  }

  /** The current view; the same object until the next change. (Bound, for useSyncExternalStore.) */
  view = (): DownloadsView => {
    this.#view ??= this.#makeView();
    return this.#view;
  };

  /** Bound, so it can be handed to useSyncExternalStore as is. */
  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  };

  #changed(layout: boolean): void {
    this.#version += 1;
    if (layout) {
      this.#layoutVersion += 1;
      this.#layout = null;
    }
    this.#view = null;
    for (const listener of this.#listeners) listener();
  }

  #makeView(): DownloadsView {
    const items = this.#items;
    this.#layout ??= buildLayout(items);
    const layout = this.#layout;
    let totalSpeed = 0;
    for (const item of items.values()) totalSpeed += item.speed;
    return {
      version: this.#version,
      layoutVersion: this.#layoutVersion,
      size: items.size,
      loaded: this.#loaded,
      get: (id) => items.get(id),
      has: (id) => items.has(id),
      ids: (filter) => layout.ids(filter),
      counts: layout.counts,
      queuePosition: (id) => layout.positions.get(id) ?? null,
      totalSpeed,
    };
  }
}

interface Layout {
  ids(filter: Filter): readonly string[];
  counts: Record<Filter, number>;
  positions: Map<string, number>;
}

function buildLayout(items: ReadonlyMap<string, ItemSnapshot>): Layout {
  const sorted = [...items.values()].sort(byQueueOrder);
  const counts = emptyCounts();
  const positions = new Map<string, number>();
  for (const item of sorted) {
    counts.all += 1;
    const filter = filterOf(item.state);
    if (filter) counts[filter] += 1;
    if (item.state === 'queued') positions.set(item.id, positions.size + 1);
  }
  const all = sorted.map((item) => item.id);
  const perFilter = new Map<Filter, readonly string[]>([['all', all]]);
  return {
    counts,
    positions,
    ids(filter) {
      let ids = perFilter.get(filter);
      if (!ids) {
        ids = sorted.filter((item) => matches(filter, item.state)).map((item) => item.id);
        perFilter.set(filter, ids);
      }
      return ids;
    },
  };
}

export function byQueueOrder(a: ItemSnapshot, b: ItemSnapshot): number {
  return a.order - b.order || a.addedAt - b.addedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
