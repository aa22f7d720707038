// A complete ItemSnapshot with sensible defaults, for the renderer's logic tests.

import type { ItemSnapshot } from '../../main/contract.ts';

export function snapshot(overrides: Partial<ItemSnapshot> & { id: string }): ItemSnapshot {
  return {
    url: `https://example.com/files/${overrides.id}.bin`,
    name: `${overrides.id}.bin`,
    dir: '/downloads',
    state: 'queued',
    bytes: 0,
    total: null,
    speed: 0,
    eta: null,
    segments: [],
    connections: 1,
    error: null,
    retry: null,
    order: 0,
    history: [],
    addedAt: 0,
    finishedAt: null,
    path: null,
    ...overrides,
  };
}
