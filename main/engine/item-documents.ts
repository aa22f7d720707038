// The own-document tier: `items/<id>.json`, one small document per item that owns a part
// file, so the per-second progress write of one download rewrites nobody else's. Writes
// wait in `pending` until the store flushes them (coalesced), unless they are urgent.

import fs from 'node:fs';
import path from 'node:path';
import type { Checkpoint } from './item.ts';
import { makePrivateFolder } from './private-state.ts';
import type { JsonDocument, StoreProvider } from './store.ts';
import { setAside, type UnreadableDocument } from './readable-documents.ts';
import { isCheckpoint } from './stored-checkpoint.ts';

export class ItemDocuments {
  #provider: StoreProvider;
  readonly dir: string;
  #docs = new Map<string, JsonDocument>();
  #pending = new Map<string, Checkpoint>();

  constructor(provider: StoreProvider) {
    this.#provider = provider;
    this.dir = path.join(provider.dir, 'items');
    makePrivateFolder(this.dir, true);
  }

  /** Every readable item document; the unreadable ones are set aside and reported, never fatal. */
  load(unreadable: UnreadableDocument[]): Checkpoint[] {
    const items: Checkpoint[] = [];
    for (const entry of fs.readdirSync(this.dir)) {
      if (!entry.endsWith('.json')) continue;
      const id = entry.slice(0, -'.json'.length);
      const reported = unreadable.length;
      const value = this.#doc(id).store;
      if (isCheckpoint(value)) {
        items.push(value);
        continue;
      }
      this.#docs.delete(id);
      // Not JSON (or unreadable): the provider has set it aside already.
      if (unreadable.length === reported) unreadable.push(setAside(path.join(this.dir, entry), 'notTsuzuki'));
    }
    return items;
  }

  /** Whether the item has (or had, this run) its own document. */
  has(id: string): boolean {
    return this.#docs.has(id);
  }

  /** Writes the item's document now. */
  write(cp: Checkpoint): void {
    this.#doc(cp.id).store = structuredClone(cp) as unknown as Record<string, unknown>;
    // Only once written: a write that failed (a full disk) stays pending for the retry.
    if (this.#pending.get(cp.id) === cp) this.#pending.delete(cp.id);
  }

  /** Writes it at the next flush. */
  schedule(cp: Checkpoint): void {
    this.#pending.set(cp.id, cp);
  }

  /** A scheduled write that is no longer wanted (the item moved on, or went). */
  unschedule(id: string): void {
    this.#pending.delete(id);
  }

  /** Writes every scheduled document; on a failure the rest stay scheduled and the error is thrown. */
  writePending(): void {
    for (const cp of [...this.#pending.values()]) this.write(cp);
  }

  delete(id: string): void {
    this.#pending.delete(id);
    const doc = this.#docs.get(id);
    // Items that finished before their first write never had a document.
    if (doc) fs.rmSync(doc.path, { force: true });
    this.#docs.delete(id);
  }

  #doc(id: string): JsonDocument {
    let doc = this.#docs.get(id);
    if (!doc) {
      doc = this.#provider.open(this.dir, id);
      this.#docs.set(id, doc);
    }
    return doc;
  }
}
