// Where items live between runs (docs/ARCHITECTURE.md#store-tiers): each item in one tier
// (store-tiers.ts decides which), each tier a unit of its own: the queue document, the
// items' own documents, the history, and the claim journal in front of them. This file
// moves items between them in an order that never leaves one in none, and coalesces:
// item writes wait a tenth of a second (each costs an fsync) unless urgent, the history
// at most a second. A late write only ever records an older, still consistent, state.

import fs from 'node:fs';
import path from 'node:path';
import { claimName } from './checkpoint-transitions.ts';
import { ClaimJournal, type JournalEntry } from './claim-journal.ts';
import type { ErrorInfo } from './errors.ts';
import { writeError } from './part-file.ts';
import { HistoryDocuments } from './history-documents.ts';
import type { Checkpoint, Settings } from './item.ts';
import { ItemDocuments } from './item-documents.ts';
import { QueueDocument } from './queue-document.ts';
import { readableDocuments, type UnreadableDocument } from './readable-documents.ts';
import type { StoreProvider } from './store.ts';
import { storedSettings } from './settings.ts';
import { tierOf, type Tier } from './store-tiers.ts';
import { isCheckpoint } from './stored-checkpoint.ts';

const HISTORY_FLUSH_MS = 1000;
const ITEM_FLUSH_MS = 100;
/** Settings changes within this are one write (a client may send them in a burst); the last one wins. */
const SETTINGS_FLUSH_MS = 100;
/** A write that failed (a full disk, a read-only folder) is tried again this much later. */
const RETRY_MS = 1000;

export class CheckpointStore {
  #provider: StoreProvider;
  #queue: QueueDocument;
  #own: ItemDocuments;
  #history: HistoryDocuments;
  #journal: ClaimJournal;
  #itemTimer: NodeJS.Timeout | undefined;
  #historyTimer: NodeJS.Timeout | undefined;
  #settingsTimer: NodeJS.Timeout | undefined;
  #pendingSettings: Settings | undefined;
  /** Claimed items whose claim is recorded only in the journal so far. */
  #onlyJournaled = new Map<string, Checkpoint>();
  /** Documents that could not be read, with the reason and where they were moved (reported, never fatal). */
  readonly unreadable: UnreadableDocument[] = [];
  /**
   * Told when writing fails (with the reason) and when it works again (undefined). Writes
   * never throw: a failed one stays pending and is retried; the documents are replaced
   * atomically, so the last good record stays on disk meanwhile.
   */
  onWriteProblem: (problem: ErrorInfo | undefined) => void = () => {};
  #problem: ErrorInfo | undefined;

  /** Why the last write failed, while writes fail (what is pending then is not on disk). */
  get problem(): ErrorInfo | undefined {
    return this.#problem;
  }

  constructor(given: StoreProvider) {
    const provider = readableDocuments(given, this.unreadable);
    this.#provider = provider;
    this.#own = new ItemDocuments(provider);
    this.#history = new HistoryDocuments(provider);
    this.#journal = new ClaimJournal(provider.dir, this.unreadable);
    this.#queue = new QueueDocument(provider);
  }

  /**
   * Every stored item, once. An item found in two tiers was moving when the last process
   * ended: the later tier wins (queue < own document < history), and the copy left behind
   * is cleaned up. Then the claim journal is replayed.
   */
  loadItems(): Checkpoint[] {
    const items = new Map<string, Checkpoint>();
    for (const cp of this.#queue.load(this.unreadable)) items.set(cp.id, cp);
    for (const cp of this.#own.load(this.unreadable)) {
      this.#queue.delete(cp.id);
      items.set(cp.id, cp);
    }
    for (const cp of this.#history.load(this.unreadable)) {
      this.#queue.delete(cp.id);
      // The history on disk holds it: its own document may go now.
      if (this.#own.has(cp.id)) this.#own.delete(cp.id);
      items.set(cp.id, cp);
    }
    for (const cp of items.values()) {
      if (cp.state === 'done' && !this.#history.has(cp.id)) this.#history.add(cp);
    }
    this.#replayClaims(items);
    if (this.#history.dirty) this.#armHistory();
    return [...items.values()];
  }

  /** Claims the store had not caught up with when the last process ended (the last one per item wins). */
  #replayClaims(items: Map<string, Checkpoint>): void {
    const last = new Map<string, JournalEntry>();
    for (const entry of this.#journal.read()) {
      if (isCheckpoint(entry.checkpoint) && entry.checkpoint.fileName) last.set(entry.checkpoint.id, entry);
    }
    for (const { checkpoint: claim, intent } of last.values()) {
      const part = fs.lstatSync(path.join(claim.dir, `${claim.fileName}.part`), { throwIfNoEntry: false });
      // A name only about to be claimed is this item's if its `.part` was made and is still
      // empty (bytes come only after the claim itself is recorded); else it never was.
      if (intent && !(part?.isFile() && part.size === 0)) continue;
      const known = items.get(claim.id);
      if (known && known.fileName === undefined) {
        claimName(known, claim.fileName!);
        this.#own.write(known);
        this.#queue.delete(known.id);
      } else if (!known && part) {
        items.set(claim.id, claim);
        this.#own.write(claim);
      }
    }
    this.#journal.clear();
  }

  /**
   * Records that an item now owns a `.part` file: at once in the journal, and in its own
   * document only once it records durable bytes, stops, or the store closes. Small files
   * finish before that and never cost a document write (an fsync), nor its deletion once
   * they reach the history.
   */
  claim(checkpoint: Checkpoint): void {
    // A journal that cannot be written: the document, at once, is the only record left.
    if (!this.#safely(() => this.#journal.append(checkpoint), false)) return this.save(checkpoint, true);
    this.#onlyJournaled.set(checkpoint.id, checkpoint);
    this.#armHistory();
  }

  /** Records the name an item is about to claim, before its `.part` is made. */
  claimIntent(checkpoint: Checkpoint, fileName: string): void {
    this.#safely(() => this.#journal.append({ ...checkpoint, fileName }, true), false);
  }

  /** Records an item in its tier: within a tenth of a second (a second for the history), or now when `urgent`. */
  save(checkpoint: Checkpoint, urgent = false): void {
    // Still downloading and nothing urgent: the journal's line holds all a restart needs.
    if (!urgent && checkpoint.state === 'downloading' && this.#onlyJournaled.has(checkpoint.id)) return;
    this.#onlyJournaled.delete(checkpoint.id);
    const tier = tierOf(checkpoint, this.#tierNow(checkpoint.id));
    if (tier === 'history') {
      this.#own.unschedule(checkpoint.id);
      this.#queue.forget(checkpoint.id);
      this.#history.add(checkpoint);
      this.#armHistory();
      return;
    }
    if (this.#history.delete(checkpoint.id)) this.#armHistory();
    if (tier === 'queue') {
      if (this.#queue.put(checkpoint)) this.#armItems();
      return;
    }
    // Own document first, queue entry after (flushItems keeps that order): never in neither.
    if (this.#queue.delete(checkpoint.id)) this.#armItems();
    if (urgent) {
      this.#own.schedule(checkpoint);
      if (!this.#safely(() => this.#own.write(checkpoint))) this.#armItems(RETRY_MS);
      return;
    }
    this.#own.schedule(checkpoint);
    this.#armItems();
  }

  remove(id: string): void {
    // Its claim leaves the journal at the next flush, within a second.
    if (this.#onlyJournaled.delete(id)) this.#armHistory();
    if (this.#queue.delete(id)) this.#armItems();
    if (this.#history.delete(id)) this.#armHistory();
    this.#own.delete(id);
  }

  loadSettings(): Partial<Settings> {
    return storedSettings(this.#provider.open(this.#provider.dir, 'settings').store);
  }

  /** Records the settings within a tenth of a second; changes meanwhile are folded into the same write. */
  saveSettings(settings: Settings): void {
    this.#pendingSettings = settings;
    this.#settingsTimer ??= setTimeout(() => this.#flushSettings(), SETTINGS_FLUSH_MS).unref();
  }

  #flushSettings(): boolean {
    clearTimeout(this.#settingsTimer);
    this.#settingsTimer = undefined;
    const settings = this.#pendingSettings;
    if (!settings) return true;
    const written = this.#safely(() => (this.#provider.open(this.#provider.dir, 'settings').store = settings as unknown as Record<string, unknown>), false);
    if (written) this.#pendingSettings = undefined;
    else this.#settingsTimer = setTimeout(() => this.#flushSettings(), RETRY_MS).unref();
    return written;
  }

  /**
   * Writes everything pending now; false when something could not be written (it stays
   * pending). A claim with nothing recorded beyond its journal line (no durable bytes yet)
   * stays in the journal, except on `close`: a document for it would be written now and
   * deleted again a moment later when it finishes (with 16 small downloads at a time, about
   * one document in twenty files).
   */
  flush(closing = false): boolean {
    for (const checkpoint of [...this.#onlyJournaled.values()]) {
      if (!closing && checkpoint.done.length === 0) continue;
      this.#onlyJournaled.delete(checkpoint.id);
      this.save(checkpoint);
    }
    clearTimeout(this.#historyTimer);
    this.#historyTimer = undefined;
    const written = this.#safely(() => {
      this.#flushItems();
      // Only after the history holds them may their own documents go.
      for (const id of this.#history.write()) this.#own.delete(id);
      // Every other claim is now in a document or in the history.
      this.#journal.keepOnly([...this.#onlyJournaled.values()]);
    });
    if (!written) this.#armHistory(RETRY_MS);
    return this.#flushSettings() && written;
  }

  close(): void {
    this.flush(true);
    clearTimeout(this.#historyTimer);
    clearTimeout(this.#itemTimer);
    clearTimeout(this.#settingsTimer);
    this.#safely(() => this.#journal.close(), false);
  }

  /**
   * Runs a write; a failure is reported (once per streak), never thrown. Only a write of the
   * records themselves (`records`) ends a streak: a journal line or the settings can still
   * fit on a disk too full for an item's document, and the items' records would then be
   * said to be saved again while they are not.
   */
  #safely(write: () => void, records = true): boolean {
    try {
      write();
    } catch (error) {
      const problem = writeError(error, this.#provider.dir).info();
      if (this.#problem?.code !== problem.code) this.onWriteProblem(problem);
      this.#problem = problem;
      return false;
    }
    if (this.#problem && records) {
      this.#problem = undefined;
      this.onWriteProblem(undefined);
    }
    return true;
  }

  #tierNow(id: string): Tier | undefined {
    if (this.#own.has(id)) return 'own';
    if (this.#queue.has(id)) return 'queue';
    return this.#history.has(id) ? 'history' : undefined;
  }

  #flushItems(): void {
    clearTimeout(this.#itemTimer);
    this.#itemTimer = undefined;
    // Own documents first: an item leaving the queue document must never be in neither.
    this.#own.writePending();
    this.#queue.write();
  }

  #armItems(delay = ITEM_FLUSH_MS): void {
    this.#itemTimer ??= setTimeout(() => {
      this.#itemTimer = undefined;
      if (!this.#safely(() => this.#flushItems())) this.#armItems(RETRY_MS);
    }, delay).unref();
  }

  #armHistory(delay = HISTORY_FLUSH_MS): void {
    this.#historyTimer ??= setTimeout(() => this.flush(), delay).unref();
  }
}
