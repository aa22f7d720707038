// Which document an item lives in between runs, decided from what it owns on disk. conf
// and electron-store rewrite a whole document on every write, so the tiers exist to keep
// each write small: see docs/ARCHITECTURE.md#store-tiers. Pure: a checkpoint in, a tier out.

import type { Checkpoint, StoredState } from './item.ts';

export type Tier =
  /** `queue.json`, shared: items that own nothing on disk yet (adding 2,000 links is one write). */
  | 'queue'
  /** `items/<id>.json`: an item that owns a part file, so its progress rewrites nobody else's. */
  | 'own'
  /** `history.json`, `history-2.json`…, shared: finished items, 1,000 to a document, written at most once a second. */
  | 'history';

export function tierOf(cp: Pick<Checkpoint, 'state' | 'fileName' | 'done'>, current?: Tier): Tier {
  if (cp.state === 'done') return 'history';
  // Once in its own document an item stays there until it finishes: moving back would
  // cost two writes (queue, then delete) for a document that is small anyway.
  if (current === 'own') return 'own';
  return cp.fileName === undefined && cp.done.length === 0 ? 'queue' : 'own';
}

/** The state an item is restored in: a run that was going restarts from the queue. */
export function restoresAs(state: StoredState): StoredState {
  return state === 'downloading' ? 'queued' : state;
}
