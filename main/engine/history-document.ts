// The history tier: one shared document for finished items. Items arrive in batches
// (`add`), and their own documents may go only once the history that holds them is on
// disk, so `write` returns the ids that just arrived.

import type { Checkpoint } from './item.ts';
import type { JsonDocument, StoreProvider } from './store.ts';
import { checkpointsIn } from './stored-checkpoint.ts';

export class HistoryDocument {
  #doc: JsonDocument;
  #items = new Map<string, Checkpoint>();
  /** Added since the last write: their own documents still exist. */
  #arriving = new Set<string>();
  #dirty = false;

  constructor(provider: StoreProvider) {
    this.#doc = provider.open(provider.dir, 'history');
  }

  load(): Checkpoint[] {
    for (const cp of checkpointsIn(this.#doc)) this.#items.set(cp.id, cp);
    return [...this.#items.values()];
  }

  has(id: string): boolean {
    return this.#items.has(id);
  }

  /** A finished item: written with the next batch. */
  add(cp: Checkpoint): void {
    this.#items.set(cp.id, cp);
    this.#arriving.add(cp.id);
    this.#dirty = true;
  }

  delete(id: string): boolean {
    this.#arriving.delete(id);
    if (!this.#items.delete(id)) return false;
    this.#dirty = true;
    return true;
  }

  get dirty(): boolean {
    return this.#dirty;
  }

  /** Writes the document if anything changed; returns the ids it now holds for the first time. */
  write(): string[] {
    if (!this.#dirty) return [];
    this.#doc.store = { items: [...this.#items.values()] };
    this.#dirty = false;
    const arrived = [...this.#arriving];
    this.#arriving.clear();
    return arrived;
  }
}
