// Stored data is input like any other: a hand-edited or half-written document must not
// crash the engine or let a name escape its folder, so every stored checkpoint is checked
// before it is believed.

import { isValidRangeList } from './byte-ranges.ts';
import type { Checkpoint, StoredState } from './item.ts';
import type { JsonDocument } from './store.ts';

const STORED_STATES = new Set<string>(['queued', 'downloading', 'paused', 'done', 'failed', 'canceled'] satisfies StoredState[]);

export function isCheckpoint(value: unknown): value is Checkpoint {
  if (typeof value !== 'object' || value === null) return false;
  const item = value as Partial<Checkpoint>;
  return (
    typeof item.id === 'string' &&
    /^[\w-]{1,64}$/.test(item.id) &&
    typeof item.url === 'string' &&
    typeof item.dir === 'string' &&
    typeof item.state === 'string' &&
    STORED_STATES.has(item.state) &&
    (item.fileName === undefined || (typeof item.fileName === 'string' && !/[/\\]/.test(item.fileName) && item.fileName !== '..')) &&
    (item.total === undefined || Number.isSafeInteger(item.total)) &&
    isValidRangeList(item.done, item.total) &&
    typeof item.options === 'object' &&
    Array.isArray(item.history) &&
    typeof item.order === 'number'
  );
}

/** Whether a shared document holds something other than what Tsuzuki writes there (`{items: [...]}`, or nothing yet). */
export function isForeignList(doc: JsonDocument): boolean {
  const store = doc.store;
  return Object.keys(store).length > 0 && !Array.isArray(store['items']);
}

/** The valid checkpoints of a shared document's `items` list, and how many entries were not (skipped, never fatal). */
export function checkpointsIn(doc: JsonDocument): { checkpoints: Checkpoint[]; bad: number } {
  const stored = doc.store['items'];
  const entries: unknown[] = Array.isArray(stored) ? stored : [];
  const checkpoints = entries.filter(isCheckpoint);
  return { checkpoints, bad: entries.length - checkpoints.length };
}
