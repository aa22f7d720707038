// The queue tier: one shared document for the items that own nothing on disk yet. It is
// rewritten only when what a restart would read changes (starting a download does not:
// queued and downloading both restore as queued).

import type { Checkpoint } from './item.ts';
import type { JsonDocument, StoreProvider } from './store.ts';
import { restoresAs } from './store-tiers.ts';
import { leftOutEntries, setAside, type UnreadableDocument } from './readable-documents.ts';
import { checkpointsIn, isForeignList } from './stored-checkpoint.ts';

export class QueueDocument {
  #provider: StoreProvider;
  #doc: JsonDocument;
  #items = new Map<string, Checkpoint>();
  /** The state each entry was last written with, as a restart would read it. */
  #writtenAs = new Map<string, string>();
  #dirty = false;

  constructor(provider: StoreProvider) {
    this.#provider = provider;
    this.#doc = provider.open(provider.dir, 'queue');
  }

  /**
   * The valid entries of the document. A document of another shape is set aside; invalid
   * entries are left out and reported, after a copy of the document as it was is kept
   * aside, and the next write drops them (only then: without the copy they would be lost).
   */
  load(unreadable: UnreadableDocument[]): Checkpoint[] {
    if (isForeignList(this.#doc)) {
      unreadable.push(setAside(this.#doc.path, 'notTsuzuki'));
      this.#doc = this.#provider.open(this.#provider.dir, 'queue');
    }
    const { checkpoints, bad } = checkpointsIn(this.#doc);
    for (const cp of checkpoints) this.#items.set(cp.id, cp);
    if (leftOutEntries(this.#doc.path, bad, unreadable)) this.#dirty = true;
    return [...this.#items.values()];
  }

  has(id: string): boolean {
    return this.#items.has(id);
  }

  /** Records an entry; false when a restart would read the same thing, so nothing is due. */
  put(cp: Checkpoint): boolean {
    const state = restoresAs(cp.state);
    if (this.#items.get(cp.id) === cp && this.#writtenAs.get(cp.id) === state) return false;
    this.#writtenAs.set(cp.id, state);
    this.#items.set(cp.id, cp);
    this.#dirty = true;
    return true;
  }

  /** Drops an entry (it moved to another tier, or was removed); true if it was here. */
  delete(id: string): boolean {
    this.#writtenAs.delete(id);
    if (!this.#items.delete(id)) return false;
    this.#dirty = true;
    return true;
  }

  /**
   * Drops an entry without asking for a rewrite: for an item that reached the history,
   * which wins over the queue when the store is read, so a stale entry on disk is harmless
   * and the next real change rewrites the document anyway.
   */
  forget(id: string): void {
    this.#writtenAs.delete(id);
    this.#items.delete(id);
  }

  /** Rewrites the document if anything changed. */
  write(): void {
    if (!this.#dirty) return;
    this.#doc.store = { items: [...this.#items.values()] } as unknown as Record<string, unknown>;
    this.#dirty = false;
  }
}
