// The filter tabs: which states each shows. Their labels and what an empty tab says are
// `ui.tabs.<filter>` and `ui.empty.<filter>` in the catalogue.

import type { ItemState } from '../../../main/contract.ts';

export const FILTERS = ['all', 'active', 'queued', 'paused', 'done', 'failed'] as const;
export type Filter = (typeof FILTERS)[number];

// Canceled items show under All only: the person stopped them, so they need no attention.
const FILTER_OF_STATE: Record<ItemState, Exclude<Filter, 'all'> | null> = {
  downloading: 'active',
  retrying: 'active',
  queued: 'queued',
  paused: 'paused',
  done: 'done',
  failed: 'failed',
  canceled: null,
};

export function filterOf(state: ItemState): Exclude<Filter, 'all'> | null {
  return FILTER_OF_STATE[state];
}

export function matches(filter: Filter, state: ItemState): boolean {
  return filter === 'all' || FILTER_OF_STATE[state] === filter;
}

export function emptyCounts(): Record<Filter, number> {
  return { all: 0, active: 0, queued: 0, paused: 0, done: 0, failed: 0 };
}

/** States in which Pause applies (Space on a selection pauses if any of these is selected). */
export function isRunning(state: ItemState): boolean {
  return state === 'downloading' || state === 'retrying' || state === 'queued';
}
