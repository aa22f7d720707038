// The filter tabs and their counts, and queue positions, from the item map.

import type { ItemSnapshot, ItemState } from '../../../main/contract.ts';

export const FILTERS = ['all', 'active', 'queued', 'paused', 'done', 'failed'] as const;
export type Filter = (typeof FILTERS)[number];

export const FILTER_LABELS: Record<Filter, string> = {
  all: 'All',
  active: 'Active',
  queued: 'Queued',
  paused: 'Paused',
  done: 'Done',
  failed: 'Failed',
};

const STATES: Record<Exclude<Filter, 'all'>, readonly ItemState[]> = {
  active: ['downloading', 'retrying'],
  queued: ['queued'],
  paused: ['paused'],
  done: ['done'],
  failed: ['failed', 'canceled'],
};

export function matches(filter: Filter, state: ItemState): boolean {
  return filter === 'all' || STATES[filter].includes(state);
}

export function countByFilter(items: Iterable<ItemSnapshot>): Record<Filter, number> {
  const counts: Record<Filter, number> = { all: 0, active: 0, queued: 0, paused: 0, done: 0, failed: 0 };
  for (const item of items) {
    counts.all += 1;
    for (const filter of FILTERS) if (filter !== 'all' && matches(filter, item.state)) counts[filter] += 1;
  }
  return counts;
}

/** Items in display order (queue order), filtered. */
export function visibleItems(items: Iterable<ItemSnapshot>, filter: Filter): ItemSnapshot[] {
  return [...items].filter((item) => matches(filter, item.state)).sort((a, b) => a.order - b.order);
}

/** 1-based positions of queued items, by queue order. */
export function queuePositions(items: Iterable<ItemSnapshot>): Map<string, number> {
  const queued = [...items].filter((item) => item.state === 'queued').sort((a, b) => a.order - b.order);
  return new Map(queued.map((item, index) => [item.id, index + 1]));
}

export function totalSpeed(items: Iterable<ItemSnapshot>): number {
  let sum = 0;
  for (const item of items) sum += item.speed;
  return sum;
}
