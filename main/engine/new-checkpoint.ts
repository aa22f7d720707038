// A new item as the store first sees it: nothing on disk yet, queued (or paused) in order.

import crypto from 'node:crypto';
import type { AddOptions, Checkpoint } from './item.ts';

export function newCheckpoint(url: string, dir: string, options: AddOptions, order: number, now: number): Checkpoint {
  return {
    id: crypto.randomUUID(),
    url,
    dir,
    done: [],
    state: options.paused ? 'paused' : 'queued',
    options: { ...options, dir },
    history: [],
    addedAt: now,
    updatedAt: now,
    order,
  };
}
