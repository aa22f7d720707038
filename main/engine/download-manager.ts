// The queue every host drives: its commands (add, pause, resume, cancel, remove, retry,
// change a link, reorder, settings) and the restore at start. Which downloads run is the
// scheduler's business (scheduler.ts), what hosts hear is the change feed's
// (change-feed.ts); this file keeps the items and is the one writer of their states.

import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { ChangeFeed, snapshotNow } from './change-feed.ts';
import { clearError, forgetFile, moveInQueue, noteHistory, relink as relinkCheckpoint, restoreState, setState, touch } from './checkpoint-transitions.ts';
import { CheckpointStore } from './checkpoint-store.ts';
import type { UnreadableDocument } from './readable-documents.ts';
import { DownloadError, toErrorInfo, type ErrorInfo } from './errors.ts';
import type { AddOptions, AddResult, Checkpoint, ItemSnapshot, Settings, StoredState } from './item.ts';
import type { ManagedItem } from './managed-item.ts';
import { DEFAULT_MAX_ITEMS, type ManagerEvents, type ManagerOptions } from './manager-options.ts';
import { NameIndex } from './name-index.ts';
import { newCheckpoint } from './new-checkpoint.ts';
import { QueueIndex } from './queue-index.ts';
import { Scheduler } from './scheduler.ts';
import { defaultSettings } from './settings.ts';
import { SpeedMeter } from './speed-meter.ts';
import { StateLock } from './state-lock.ts';
import { ensureFolder, insideFolder, partPathOf } from './target-file.ts';
import { parseDownloadUrl } from './url-check.ts';
import { checkProxyUrl } from './proxy-agents.ts';
import { normalizeRequestHeaders } from './request-headers.ts';

export type { ManagerEvents, ManagerOptions };

export class DownloadManager extends EventEmitter<ManagerEvents> {
  #store: CheckpointStore;
  #lock: StateLock;
  #settings: Settings;
  #items = new Map<string, ManagedItem>();
  #nextOrder = 1;
  #queue = new QueueIndex<ManagedItem>();
  #names = new NameIndex();
  #feed: ChangeFeed;
  #scheduler: Scheduler;
  #maxItems: number;

  private constructor(options: ManagerOptions, lock: StateLock) {
    super();
    this.#maxItems = options.maxItems ?? DEFAULT_MAX_ITEMS;
    this.#lock = lock;
    this.#store = new CheckpointStore(options.store);
    // A record that cannot be written (a full disk) is shown on the items it concerns now,
    // and noted in their history, until the store writes again.
    this.#store.onWriteProblem = (problem) => {
      this.emit('saveProblem', problem);
      for (const item of this.#items.values()) {
        if (problem ? !item.download : !item.notSaved) continue;
        item.notSaved = problem;
        if (problem) noteHistory(item.cp, 'recordNotSaved', { detail: String(problem.params?.['detail'] ?? problem.code) });
        else noteHistory(item.cp, 'recordSavedAgain');
        this.#feed.changed(item.cp.id);
      }
    };
    this.#settings = { ...defaultSettings(), ...options.defaults, ...this.#store.loadSettings(), ...options.overrides };
    this.#feed = new ChangeFeed(this.#items, (change) => this.emit('items', change), options.snapshotIntervalMs ?? 100, () => this.listenerCount('items') > 0);
    this.#scheduler = new Scheduler({
      queue: this.#queue,
      settings: () => this.#settings,
      options,
      setState: (item, state) => this.#setState(item, state),
      save: (item, urgent) => this.#save(item.cp, urgent),
      claimed: (item) => {
        touch(item.cp, Date.now());
        this.#names.index(item.cp);
        this.#store.claim(item.cp);
      },
      claiming: (item, name) => this.#store.claimIntent(item.cp, name),
      changed: (item) => this.#feed.changed(item.cp.id),
      isNameTaken: (item, dir, name) => this.#names.isTaken(item.cp.id, dir, name),
    });
  }

  /** Opens the store, restores every item, and starts those that were running. */
  static async open(options: ManagerOptions): Promise<DownloadManager> {
    const lock = StateLock.acquire(options.store.dir);
    try {
      const manager = new DownloadManager(options, lock);
      manager.#restore();
      return manager;
    } catch (error) {
      // A state folder that cannot be used at all: the next start must not find it locked.
      lock.release();
      throw error;
    }
  }

  #restore(): void {
    for (const cp of this.#store.loadItems()) {
      restoreState(cp, this.#settings.autoResume);
      const item: ManagedItem = { cp, meter: new SpeedMeter() };
      this.#items.set(cp.id, item);
      this.#queue.update(item);
      this.#names.index(cp);
      this.#nextOrder = Math.max(this.#nextOrder, Math.floor(cp.order) + 1);
    }
    this.#scheduler.pump();
  }

  /** Why the records cannot be written now (a full or read-only state disk); undefined while they can. */
  get saveProblem(): ErrorInfo | undefined {
    return this.#store.problem;
  }

  /** Stored documents found unreadable at the start, moved aside (hosts tell the user). */
  get unreadableDocuments(): readonly UnreadableDocument[] {
    return this.#store.unreadable;
  }

  add(urls: string[], options: AddOptions = {}): AddResult {
    const result: AddResult = { added: [], rejected: [] };
    let dir: string;
    try {
      dir = path.resolve(options.dir ?? this.#settings.dir);
      ensureFolder(dir);
      // All or nothing: a cut-off half of a batch would be harder to make sense of than none.
      if (this.#items.size + urls.length > this.#maxItems) throw new DownloadError('ERR_TOO_MANY_ITEMS', { params: { max: this.#maxItems } });
      if (options.sha256 !== undefined && !/^[0-9a-f]{64}$/i.test(options.sha256)) {
        throw new DownloadError('ERR_INVALID_CHECKSUM', { params: { checksum: options.sha256.slice(0, 100) } });
      }
      if (options.headers !== undefined) {
        const headers = normalizeRequestHeaders(options.headers);
        options = { ...options, headers };
        if (Object.keys(headers).length === 0) delete options.headers;
      }
    } catch (error) {
      return { added: [], rejected: urls.map((url) => ({ url, error: toErrorInfo(error) })) };
    }
    const now = Date.now();
    for (const input of urls) {
      try {
        const cp = newCheckpoint(parseDownloadUrl(input).href, dir, options, this.#nextOrder++, now);
        const item: ManagedItem = { cp, meter: new SpeedMeter() };
        this.#items.set(cp.id, item);
        this.#queue.update(item);
        this.#save(cp);
        this.#feed.changed(cp.id);
        result.added.push(cp.id);
      } catch (error) {
        result.rejected.push({ url: input, error: toErrorInfo(error) });
      }
    }
    this.#scheduler.pump();
    return result;
  }

  pause(ids: string[]): void {
    for (const item of this.#itemsOf(ids)) {
      const { state } = item.cp;
      if (state === 'queued' || state === 'downloading') {
        this.#setState(item, 'paused');
        void this.#scheduler.stop(item, 'pause');
      }
    }
    this.#scheduler.pump();
  }

  resume(ids: string[]): void {
    for (const item of this.#itemsOf(ids)) {
      if (item.cp.state === 'paused' || item.cp.state === 'failed' || item.cp.state === 'canceled') this.#requeue(item);
    }
    this.#scheduler.pump();
  }

  pauseAll(): void {
    this.pause([...this.#items.keys()]);
  }

  resumeAll(): void {
    const ids = [...this.#items.values()].filter((item) => item.cp.state === 'paused').map((item) => item.cp.id);
    this.resume(ids);
  }

  /** The machine is about to sleep (the desktop app's power monitor says so). */
  systemSuspended(): void {
    for (const item of this.#items.values()) item.download?.suspended();
  }

  /** The machine woke: waiting retries go now; connections that died in the sleep do not count as failures. */
  systemResumed(): void {
    for (const item of this.#items.values()) item.download?.nudge({ woke: true });
  }

  /** The network came back: downloads waiting out a backoff try again at once. */
  networkBack(): void {
    for (const item of this.#items.values()) item.download?.nudge({ woke: false });
  }

  /** Stops the items and deletes their partial files; they stay listed as canceled. */
  async cancel(ids: string[]): Promise<void> {
    const items = this.#itemsOf(ids).filter((item) => item.cp.state !== 'done' && item.cp.state !== 'canceled');
    await Promise.all(items.map((item) => this.#scheduler.stop(item, 'cancel')));
    for (const item of items) {
      this.#deletePartial(item.cp);
      forgetFile(item.cp);
      clearError(item.cp);
      this.#setState(item, 'canceled');
    }
    this.#scheduler.pump();
  }

  /** Takes items off the list. Partial files always go; a finished file only with deleteFile. */
  async remove(ids: string[], deleteFile: boolean): Promise<void> {
    const items = this.#itemsOf(ids);
    await Promise.all(items.map((item) => this.#scheduler.stop(item, 'remove')));
    for (const item of items) {
      const { cp } = item;
      this.#deletePartial(cp);
      if (deleteFile && cp.state === 'done' && cp.fileName) fs.rmSync(insideFolder(cp.dir, cp.fileName), { force: true });
      this.#items.delete(cp.id);
      this.#queue.delete(item);
      this.#names.index({ ...cp, state: 'canceled' });
      this.#store.remove(cp.id);
      this.#feed.removed(cp.id);
    }
    this.#scheduler.pump();
    this.#scheduler.checkIdle();
  }

  /** Starts failed or canceled items again (a failed one continues from its checkpoint). */
  retry(ids: string[]): void {
    for (const item of this.#itemsOf(ids)) {
      if (item.cp.state === 'failed' || item.cp.state === 'canceled' || item.cp.state === 'paused') this.#requeue(item);
    }
    this.#scheduler.pump();
  }

  /**
   * Gives an item a new link (an expired signed URL). Its bytes are kept if the file is
   * unchanged. What it was doing stays: a running one goes on with the new link, a paused,
   * queued or canceled one waits as it did (the person stopped it, and a new address is not
   * a resume). A failed one starts again: its failure is what a new link answers, and the
   * failure line itself says to use Change link….
   */
  changeUrl(id: string, url: string): void {
    const item = this.#item(id);
    if (item.cp.state === 'done') throw new DownloadError('ERR_INVALID_STATE', { params: { variant: 'alreadyDone' }, action: 'addAsNew' });
    const href = parseDownloadUrl(url).href;
    const relink = () => {
      relinkCheckpoint(item.cp, href);
      const { state } = item.cp;
      if (state === 'downloading' || state === 'failed') this.#requeue(item);
      else this.#setState(item, state);
      this.#scheduler.pump();
    };
    if (item.running) {
      void this.#scheduler.stop(item, 'relink').then(relink);
    } else {
      relink();
    }
  }

  /** Moves an item to a position among all items (0 = first in the queue). */
  reorder(id: string, toIndex: number): void {
    const item = this.#item(id);
    const others = [...this.#items.values()].filter((other) => other !== item).sort((a, b) => a.cp.order - b.cp.order);
    const index = Math.max(0, Math.min(toIndex, others.length));
    const before = others[index - 1]?.cp.order;
    const after = others[index]?.cp.order;
    // A fractional order moves one item without renumbering (and rewriting) all the others.
    moveInQueue(item.cp, before === undefined ? (after ?? 1) - 1 : after === undefined ? before + 1 : (before + after) / 2);
    this.#save(item.cp);
    this.#queue.reordered();
    this.#feed.changed(id);
    this.#scheduler.pump();
  }

  list(): ItemSnapshot[] {
    return [...this.#items.values()].sort((a, b) => a.cp.order - b.cp.order).map(snapshotNow);
  }

  get(id: string): ItemSnapshot | undefined {
    const item = this.#items.get(id);
    return item && snapshotNow(item);
  }

  getSettings(): Settings {
    return { ...this.#settings };
  }

  setSettings(patch: Partial<Settings>): Settings {
    const next = { ...this.#settings, ...patch };
    if (patch.proxy !== undefined) next.proxy = checkProxyUrl(patch.proxy);
    if (patch.dir !== undefined) {
      next.dir = path.resolve(patch.dir);
      ensureFolder(next.dir);
    }
    this.#settings = next;
    this.#store.saveSettings(next);
    this.#scheduler.applySettings(next);
    this.emit('settings', this.getSettings());
    this.#scheduler.pump();
    return this.getSettings();
  }

  /** Free bytes in the default folder (null when the platform cannot tell). */
  async freeBytes(): Promise<number | null> {
    try {
      const stats = await fs.promises.statfs(this.#settings.dir);
      return stats.bavail * stats.bsize;
    } catch {
      return null;
    }
  }

  /** Absolute path of an item's file: the final file when done, else its partial file. */
  filePath(id: string): string {
    const { cp } = this.#item(id);
    if (!cp.fileName) return cp.dir;
    return cp.state === 'done' ? insideFolder(cp.dir, cp.fileName) : partPathOf(cp.dir, cp.fileName);
  }

  /** Resolves when nothing is queued or running: for the CLI and tests. */
  whenIdle(): Promise<void> {
    return this.#scheduler.whenIdle();
  }

  /** Stops running downloads (they resume at the next start), flushes every checkpoint, stops timers. */
  async close(): Promise<void> {
    await this.#scheduler.stopAll(this.#items.values());
    this.#store.close();
    this.#feed.close();
    this.#scheduler.dispose();
    this.#lock.release();
  }

  #requeue(item: ManagedItem): void {
    clearError(item.cp);
    if (item.cp.state === 'canceled') forgetFile(item.cp);
    this.#setState(item, 'queued');
  }

  #setState(item: ManagedItem, state: StoredState): void {
    setState(item.cp, state);
    this.#queue.update(item);
    this.#save(item.cp);
    this.#feed.changed(item.cp.id);
    this.#scheduler.checkIdle();
  }

  #save(cp: Checkpoint, urgent = false): void {
    touch(cp, Date.now());
    this.#names.index(cp);
    this.#store.save(cp, urgent);
  }

  #deletePartial(cp: Checkpoint): void {
    if (cp.fileName && cp.state !== 'done') fs.rmSync(partPathOf(cp.dir, cp.fileName), { force: true });
  }

  #item(id: string): ManagedItem {
    const item = this.#items.get(id);
    if (!item) throw new DownloadError('ERR_UNKNOWN_ITEM', { params: { id: id.slice(0, 100) }, action: 'reload' });
    return item;
  }

  #itemsOf(ids: string[]): ManagedItem[] {
    return ids.map((id) => this.#item(id));
  }
}
