// The history tier: finished items, in documents of at most SHARD_ITEMS each
// (`history.json`, then `history-2.json`, `history-3.json`…). An item stays in the document
// it was first written to and new ones go to the newest, so a flush rewrites only the
// documents that changed: one document of 10,000 finished items (4.5 MB) took 90 ms of main
// thread to write, once a second for as long as downloads kept finishing. Items arrive in
// batches (`add`), and their own documents may go only once a history document that holds
// them is on disk, so `write` returns the ids that just landed.

import fs from 'node:fs';
import type { Checkpoint } from './item.ts';
import type { JsonDocument, StoreProvider } from './store.ts';
import { leftOutEntries, setAside, type UnreadableDocument } from './readable-documents.ts';
import { checkpointsIn, isForeignList } from './stored-checkpoint.ts';

/** About 450 kB of JSON: a few milliseconds to write. */
export const SHARD_ITEMS = 1000;
const SHARD_FILE = /^history(?:-([1-9]\d*))?\.json$/;

interface Shard {
  number: number;
  doc: JsonDocument;
  items: Map<string, Checkpoint>;
  /** Added since this document was last written: their own documents still exist. */
  arriving: Set<string>;
  dirty: boolean;
}

export class HistoryDocuments {
  #provider: StoreProvider;
  /** In order of their numbers; the last one takes new items. */
  #shards: Shard[] = [];
  #shardOf = new Map<string, Shard>();
  /** Arrived in a document written by a `write` that then failed on another: handed out by the next one. */
  #landed: string[] = [];

  constructor(provider: StoreProvider) {
    this.#provider = provider;
  }

  load(unreadable: UnreadableDocument[]): Checkpoint[] {
    for (const number of shardNumbers(this.#provider.dir)) {
      let shard = this.#open(number);
      if (isForeignList(shard.doc)) {
        unreadable.push(setAside(shard.doc.path, 'notTsuzuki'));
        this.#shards.pop();
        shard = this.#open(number);
      }
      const { checkpoints, bad } = checkpointsIn(shard.doc);
      // Invalid entries are left out and reported; the next write drops them, once a copy
      // of the document as it was is kept aside (without one they stay on disk).
      if (leftOutEntries(shard.doc.path, bad, unreadable)) shard.dirty = true;
      for (const cp of checkpoints) {
        // In two documents only if written by hand: the later one wins, the earlier copy goes.
        const earlier = this.#shardOf.get(cp.id);
        if (earlier) {
          earlier.items.delete(cp.id);
          earlier.dirty = true;
        }
        shard.items.set(cp.id, cp);
        this.#shardOf.set(cp.id, shard);
      }
    }
    return this.#shards.flatMap((shard) => [...shard.items.values()]);
  }

  has(id: string): boolean {
    return this.#shardOf.has(id);
  }

  /** A finished item: written with the next batch, in the document that already holds it, else the newest. */
  add(cp: Checkpoint): void {
    let shard = this.#shardOf.get(cp.id);
    if (!shard) {
      shard = this.#newest();
      this.#shardOf.set(cp.id, shard);
    }
    shard.items.set(cp.id, cp);
    shard.arriving.add(cp.id);
    shard.dirty = true;
  }

  delete(id: string): boolean {
    const shard = this.#shardOf.get(id);
    if (!shard) return false;
    this.#shardOf.delete(id);
    shard.items.delete(id);
    shard.arriving.delete(id);
    shard.dirty = true;
    return true;
  }

  get dirty(): boolean {
    return this.#shards.some((shard) => shard.dirty);
  }

  /** Writes the documents that changed; returns the ids they now hold for the first time. */
  write(): string[] {
    for (const shard of this.#shards) {
      if (!shard.dirty) continue;
      shard.doc.store = { items: [...shard.items.values()] };
      shard.dirty = false;
      this.#landed.push(...shard.arriving);
      shard.arriving.clear();
    }
    const landed = this.#landed;
    this.#landed = [];
    return landed;
  }

  #newest(): Shard {
    const last = this.#shards.at(-1);
    if (last && last.items.size < SHARD_ITEMS) return last;
    return this.#open((last?.number ?? 0) + 1);
  }

  #open(number: number): Shard {
    const shard: Shard = { number, doc: this.#provider.open(this.#provider.dir, number === 1 ? 'history' : `history-${number}`), items: new Map(), arriving: new Set(), dirty: false };
    this.#shards.push(shard);
    return shard;
  }
}

/** The numbers of the history documents in the folder, in order (1 is `history.json`). */
function shardNumbers(dir: string): number[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .map((name) => SHARD_FILE.exec(name))
    .filter((match) => match !== null)
    .map((match) => (match[1] === undefined ? 1 : Number(match[1])))
    .sort((a, b) => a - b);
}
