// Where items live between runs (docs/ARCHITECTURE.md#store-tiers). Each unfinished item has its own small
// document (`items/<id>.json`), so the per-second progress write of one download never
// rewrites anyone else's. Finished items move, in batches, to one `history.json`, which
// is written at most once a second however many downloads finish.
// Items that own no file yet (queued, or stopped before their first byte) share one
// `queue.json`: adding 2,000 links is one write, not 2,000.
// Writes are coalesced over a tenth of a second (each one costs an fsync), except those a
// caller marks urgent: a short download then costs no store write before it is done.
// A late write only ever records an older, still consistent, state.

import fs from 'node:fs';
import path from 'node:path';
import { isValidRangeList } from './byte-ranges.ts';
import { ClaimJournal } from './claim-journal.ts';
import type { Checkpoint, Settings } from './item.ts';
import type { JsonDocument, StoreProvider } from './store.ts';

const HISTORY_FLUSH_MS = 1000;
const ITEM_FLUSH_MS = 100;
const ITEM_STATES = new Set(['queued', 'downloading', 'retrying', 'paused', 'done', 'failed', 'canceled']);

export class CheckpointStore {
  #provider: StoreProvider;
  #itemsDir: string;
  #docs = new Map<string, JsonDocument>();
  #history: JsonDocument;
  #historyItems = new Map<string, Checkpoint>();
  #historyDirty = false;
  #movingToHistory = new Set<string>();
  #timer: NodeJS.Timeout | undefined;
  #pending = new Map<string, Checkpoint>();
  #itemTimer: NodeJS.Timeout | undefined;
  #journal: ClaimJournal;
  #queueDoc: JsonDocument;
  #queueItems = new Map<string, Checkpoint>();
  #queueDirty = false;
  /** The state each queue entry was last written with, as a restart would read it. */
  #queuedAs = new Map<string, string>();
  /** Documents that could not be read, with the reason (reported, never fatal). */
  readonly unreadable: { path: string; reason: string }[] = [];

  constructor(provider: StoreProvider) {
    this.#provider = provider;
    this.#itemsDir = path.join(provider.dir, 'items');
    fs.mkdirSync(this.#itemsDir, { recursive: true });
    this.#history = provider.open(provider.dir, 'history');
    this.#journal = new ClaimJournal(provider.dir);
    this.#queueDoc = provider.open(provider.dir, 'queue');
  }

  loadItems(): Checkpoint[] {
    const items = new Map<string, Checkpoint>();
    const queued = this.#queueDoc.store['items'];
    for (const value of Array.isArray(queued) ? queued : []) {
      if (isCheckpoint(value)) {
        this.#queueItems.set(value.id, value);
        items.set(value.id, value);
      }
    }
    const stored = this.#history.store['items'];
    for (const value of Array.isArray(stored) ? stored : []) {
      if (isCheckpoint(value)) {
        this.#historyItems.set(value.id, value);
        items.set(value.id, value);
        // Finished items leave the queue document lazily (see save): the history wins.
        if (this.#queueItems.delete(value.id)) this.#queueDirty = true;
      }
    }
    for (const entry of fs.readdirSync(this.#itemsDir)) {
      if (!entry.endsWith('.json')) continue;
      const id = entry.slice(0, -'.json'.length);
      try {
        const doc = this.#doc(id);
        const value = doc.store;
        if (!isCheckpoint(value)) throw new Error('not a Tsuzuki checkpoint');
        items.set(value.id, value);
        if (this.#queueItems.delete(value.id)) this.#queueDirty = true;
        if (value.state === 'done') {
          this.#historyItems.set(value.id, value);
          this.#scheduleHistory(value);
        }
      } catch (error) {
        this.unreadable.push({ path: path.join(this.#itemsDir, entry), reason: (error as Error).message });
      }
    }
    // Claims the store had not caught up with when the last process ended.
    for (const claim of this.#journal.read()) {
      if (!isCheckpoint(claim) || !claim.fileName) continue;
      const known = items.get(claim.id);
      if (known && known.fileName === undefined) {
        known.fileName = claim.fileName;
        known.done = [];
        this.#write(known);
        if (this.#queueItems.delete(known.id)) this.#queueDirty = true;
      } else if (!known && fs.existsSync(path.join(claim.dir, `${claim.fileName}.part`))) {
        items.set(claim.id, claim);
        this.#write(claim);
      }
    }
    this.#journal.clear();
    return [...items.values()];
  }

  /** Records that an item now owns a `.part` file: at once in the journal, soon in the store. */
  claim(checkpoint: Checkpoint): void {
    this.#journal.append(checkpoint);
    this.save(checkpoint);
  }

  /** Records an item: within a tenth of a second, or now when `urgent`. */
  save(checkpoint: Checkpoint, urgent = false): void {
    if (checkpoint.state === 'done') {
      this.#pending.delete(checkpoint.id);
      // Not rewritten for this alone: a queue entry that is also in the history is dropped
      // when the store is next read, and the next real change rewrites the document anyway.
      this.#queueItems.delete(checkpoint.id);
      this.#historyItems.set(checkpoint.id, checkpoint);
      this.#scheduleHistory(checkpoint);
      return;
    }
    if (this.#historyItems.delete(checkpoint.id)) this.#markHistoryDirty();
    this.#movingToHistory.delete(checkpoint.id);
    if (ownsNoFile(checkpoint) && !this.#docs.has(checkpoint.id)) {
      // Starting changes nothing a restart needs (queued and downloading both restore as queued).
      const known = this.#queueItems.get(checkpoint.id);
      if (known === checkpoint && restoresAs(checkpoint.state) === this.#queuedAs.get(checkpoint.id)) return;
      this.#queuedAs.set(checkpoint.id, restoresAs(checkpoint.state));
      this.#queueItems.set(checkpoint.id, checkpoint);
      this.#queueDirty = true;
      this.#itemTimer ??= setTimeout(() => this.#flushItems(), ITEM_FLUSH_MS).unref();
      return;
    }
    if (this.#queueItems.delete(checkpoint.id)) this.#queueDirty = true;
    if (urgent) {
      this.#pending.delete(checkpoint.id);
      this.#write(checkpoint);
      return;
    }
    this.#pending.set(checkpoint.id, checkpoint);
    this.#itemTimer ??= setTimeout(() => this.#flushItems(), ITEM_FLUSH_MS).unref();
  }

  #write(checkpoint: Checkpoint): void {
    this.#doc(checkpoint.id).store = structuredClone(checkpoint) as unknown as Record<string, unknown>;
  }

  #flushItems(): void {
    clearTimeout(this.#itemTimer);
    this.#itemTimer = undefined;
    const pending = [...this.#pending.values()];
    this.#pending.clear();
    // Own documents first: an item leaving the queue document must never be in neither.
    for (const checkpoint of pending) this.#write(checkpoint);
    if (this.#queueDirty) {
      this.#queueDoc.store = { items: [...this.#queueItems.values()] } as unknown as Record<string, unknown>;
      this.#queueDirty = false;
    }
  }

  remove(id: string): void {
    this.#pending.delete(id);
    if (this.#queueItems.delete(id)) {
      this.#queueDirty = true;
      this.#itemTimer ??= setTimeout(() => this.#flushItems(), ITEM_FLUSH_MS).unref();
    }
    if (this.#historyItems.delete(id)) this.#markHistoryDirty();
    this.#movingToHistory.delete(id);
    this.#deleteDoc(id);
  }

  loadSettings(): Partial<Settings> {
    return this.#provider.open(this.#provider.dir, 'settings').store as Partial<Settings>;
  }

  saveSettings(settings: Settings): void {
    this.#provider.open(this.#provider.dir, 'settings').store = settings as unknown as Record<string, unknown>;
  }

  /** Writes everything pending now (on close). */
  flush(): void {
    this.#flushItems();
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#historyDirty || this.#movingToHistory.size > 0) {
      this.#history.store = { items: [...this.#historyItems.values()] };
    }
    // Only after the history holds them may their own documents go.
    for (const id of this.#movingToHistory) this.#deleteDoc(id);
    this.#movingToHistory.clear();
    this.#historyDirty = false;
    // Every claim is now in a document or in the history.
    this.#journal.clear();
  }

  close(): void {
    this.flush();
    this.#journal.close();
  }

  #scheduleHistory(checkpoint: Checkpoint): void {
    this.#movingToHistory.add(checkpoint.id);
    this.#arm();
  }

  #markHistoryDirty(): void {
    this.#historyDirty = true;
    this.#arm();
  }

  #arm(): void {
    this.#timer ??= setTimeout(() => this.flush(), HISTORY_FLUSH_MS).unref();
  }

  #doc(id: string): JsonDocument {
    let doc = this.#docs.get(id);
    if (!doc) {
      doc = this.#provider.open(this.#itemsDir, id);
      this.#docs.set(id, doc);
    }
    return doc;
  }

  #deleteDoc(id: string): void {
    const doc = this.#docs.get(id);
    // Items that finished before their first write never had a document.
    if (doc) fs.rmSync(doc.path, { force: true });
    this.#docs.delete(id);
  }
}

function restoresAs(state: string): string {
  return state === 'downloading' || state === 'retrying' ? 'queued' : state;
}

/** Nothing on disk belongs to it yet, so it can live in the shared queue document. */
function ownsNoFile(checkpoint: Checkpoint): boolean {
  return checkpoint.fileName === undefined && checkpoint.done.length === 0;
}

/** Stored data is input like any other: a hand-edited or half-written file must not crash us. */
function isCheckpoint(value: unknown): value is Checkpoint {
  if (typeof value !== 'object' || value === null) return false;
  const item = value as Partial<Checkpoint>;
  return (
    typeof item.id === 'string' &&
    /^[\w-]{1,64}$/.test(item.id) &&
    typeof item.url === 'string' &&
    typeof item.dir === 'string' &&
    typeof item.state === 'string' &&
    ITEM_STATES.has(item.state) &&
    (item.fileName === undefined || (typeof item.fileName === 'string' && !/[/\\]/.test(item.fileName) && item.fileName !== '..')) &&
    (item.total === undefined || Number.isSafeInteger(item.total)) &&
    isValidRangeList(item.done, item.total) &&
    typeof item.options === 'object' &&
    Array.isArray(item.history) &&
    typeof item.order === 'number'
  );
}
