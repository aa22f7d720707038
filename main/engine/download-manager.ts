// The queue every host drives: adds URLs, runs up to `maxConcurrent` downloads, pauses,
// resumes, cancels and removes them, restores them from the store at start, and tells
// hosts what changed in batches (at most ten a second, whatever the number of items).

import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { CheckpointStore } from './checkpoint-store.ts';
import { Download } from './download.ts';
import { newCheckpoint } from './new-checkpoint.ts';
import type { Entry, ManagerEvents, ManagerOptions, StopReason } from './manager-options.ts';
import { DownloadError, toErrorInfo } from './errors.ts';
import { createHttpClient, type HttpClient } from './http-client.ts';
import type { AddOptions, AddResult, Checkpoint, ItemSnapshot, Settings } from './item.ts';
import { HostSlots } from './host-slots.ts';
import { QueueIndex } from './queue-index.ts';
import { NameIndex } from './name-index.ts';
import { defaultSettings } from './settings.ts';
import { snapshotOf } from './item-snapshot.ts';
import { SpeedMeter } from './speed-meter.ts';
import { TokenBucket } from './token-bucket.ts';
import { StateLock } from './state-lock.ts';
import { ensureFolder, insideFolder, partPathOf } from './target-file.ts';
import { parseDownloadUrl } from './url-check.ts';

export type { ManagerEvents, ManagerOptions };

const ACTIVE = new Set(['downloading', 'retrying']);


export class DownloadManager extends EventEmitter<ManagerEvents> {
  #store: CheckpointStore;
  #lock: StateLock;
  #settings: Settings;
  #entries = new Map<string, Entry>();
  #http: HttpClient;
  #hostSlots: HostSlots;
  #globalLimit: TokenBucket;
  #options: ManagerOptions;
  #dirty = new Set<string>();
  #removed: string[] = [];
  #timer: NodeJS.Timeout;
  #nextOrder = 1;
  #closing = false;
  #idleWaiters: (() => void)[] = [];
  #queue = new QueueIndex<Entry>();
  #names = new NameIndex();

  private constructor(options: ManagerOptions) {
    super();
    this.#options = options;
    this.#lock = StateLock.acquire(options.store.dir);
    this.#store = new CheckpointStore(options.store);
    this.#settings = { ...defaultSettings(), ...options.defaults, ...this.#store.loadSettings(), ...options.overrides };
    this.#http = createHttpClient(this.#settings.perHostConnections);
    this.#hostSlots = new HostSlots(this.#settings.perHostConnections);
    this.#globalLimit = new TokenBucket(this.#settings.speedLimit);
    this.#timer = setInterval(() => this.#emitBatch(), options.snapshotIntervalMs ?? 100).unref();
  }

  /** Opens the store, restores every item, and starts those that were running. */
  static async open(options: ManagerOptions): Promise<DownloadManager> {
    const manager = new DownloadManager(options);
    manager.#restore();
    return manager;
  }

  #restore(): void {
    for (const cp of this.#store.loadItems()) {
      if (cp.state === 'downloading' || cp.state === 'retrying' || cp.state === 'queued') {
        cp.state = this.#settings.autoResume ? 'queued' : 'paused';
      }
      const entry: Entry = { cp, meter: new SpeedMeter() };
      this.#entries.set(cp.id, entry);
      this.#queue.update(entry);
      this.#names.index(cp);
      this.#nextOrder = Math.max(this.#nextOrder, Math.floor(cp.order) + 1);
    }
    this.#pump();
  }

  add(urls: string[], options: AddOptions = {}): AddResult {
    const result: AddResult = { added: [], rejected: [] };
    let dir: string;
    try {
      dir = path.resolve(options.dir ?? this.#settings.dir);
      ensureFolder(dir);
      if (options.sha256 !== undefined && !/^[0-9a-f]{64}$/i.test(options.sha256)) {
        throw new DownloadError('ERR_INVALID_CHECKSUM', `"${options.sha256}" is not a SHA-256: it must be 64 hexadecimal digits.`);
      }
    } catch (error) {
      return { added: [], rejected: urls.map((url) => ({ url, error: toErrorInfo(error) })) };
    }
    const now = Date.now();
    for (const input of urls) {
      try {
        const cp = newCheckpoint(parseDownloadUrl(input).href, dir, options, this.#nextOrder++, now);
        const entry: Entry = { cp, meter: new SpeedMeter() };
        this.#entries.set(cp.id, entry);
        this.#queue.update(entry);
        this.#save(cp);
        this.#dirty.add(cp.id);
        result.added.push(cp.id);
      } catch (error) {
        result.rejected.push({ url: input, error: toErrorInfo(error) });
      }
    }
    this.#pump();
    return result;
  }

  pause(ids: string[]): void {
    for (const entry of this.#entriesOf(ids)) {
      const { state } = entry.cp;
      if (state === 'queued' || ACTIVE.has(state)) {
        this.#setState(entry, 'paused');
        this.#stop(entry, 'pause');
      }
    }
    this.#pump();
  }

  resume(ids: string[]): void {
    for (const entry of this.#entriesOf(ids)) {
      if (entry.cp.state === 'paused' || entry.cp.state === 'failed' || entry.cp.state === 'canceled') this.#requeue(entry);
    }
    this.#pump();
  }

  pauseAll(): void {
    this.pause([...this.#entries.keys()]);
  }

  resumeAll(): void {
    const ids = [...this.#entries.values()].filter((e) => e.cp.state === 'paused').map((e) => e.cp.id);
    this.resume(ids);
  }

  /** The machine is about to sleep (the desktop app's power monitor says so). */
  systemSuspended(): void {
    for (const entry of this.#entries.values()) entry.download?.suspended();
  }

  /** The machine woke: waiting retries go now; connections that died in the sleep do not count as failures. */
  systemResumed(): void {
    for (const entry of this.#entries.values()) entry.download?.nudge({ woke: true });
  }

  /** The network came back: downloads waiting out a backoff try again at once. */
  networkBack(): void {
    for (const entry of this.#entries.values()) entry.download?.nudge({ woke: false });
  }

  /** Stops the items and deletes their partial files; they stay listed as canceled. */
  async cancel(ids: string[]): Promise<void> {
    const entries = this.#entriesOf(ids).filter((e) => e.cp.state !== 'done' && e.cp.state !== 'canceled');
    await Promise.all(entries.map((entry) => this.#stop(entry, 'cancel')));
    for (const entry of entries) {
      this.#deletePartial(entry.cp);
      this.#forgetFile(entry.cp);
      delete entry.cp.error;
      this.#setState(entry, 'canceled');
    }
    this.#pump();
  }

  /** Takes items off the list. Partial files always go; a finished file only with deleteFile. */
  async remove(ids: string[], deleteFile: boolean): Promise<void> {
    const entries = this.#entriesOf(ids);
    await Promise.all(entries.map((entry) => this.#stop(entry, 'remove')));
    for (const entry of entries) {
      const { cp } = entry;
      this.#deletePartial(cp);
      if (deleteFile && cp.state === 'done' && cp.fileName) fs.rmSync(insideFolder(cp.dir, cp.fileName), { force: true });
      this.#entries.delete(cp.id);
      this.#queue.delete(entry);
      this.#names.index({ ...cp, state: 'canceled' });
      this.#store.remove(cp.id);
      this.#dirty.delete(cp.id);
      this.#removed.push(cp.id);
    }
    this.#pump();
    this.#checkIdle();
  }

  /** Starts failed or canceled items again (a failed one continues from its checkpoint). */
  retry(ids: string[]): void {
    for (const entry of this.#entriesOf(ids)) {
      if (entry.cp.state === 'failed' || entry.cp.state === 'canceled' || entry.cp.state === 'paused') this.#requeue(entry);
    }
    this.#pump();
  }

  /** Gives an item a new link (an expired signed URL). Its bytes are kept if the file is unchanged. */
  changeUrl(id: string, url: string): void {
    const entry = this.#entry(id);
    if (entry.cp.state === 'done') throw new DownloadError('ERR_INVALID_STATE', 'This download is already complete; add the new link as a new download instead.');
    const href = parseDownloadUrl(url).href;
    const relink = () => {
      entry.cp.url = href;
      delete entry.cp.finalUrl;
      entry.cp.history.push({ at: Date.now(), message: 'Link changed; the bytes already downloaded are kept if the file is unchanged' });
      this.#requeue(entry);
      this.#pump();
    };
    if (entry.running) {
      void this.#stop(entry, 'relink').then(relink);
    } else {
      relink();
    }
  }

  /** Moves an item to a position among all items (0 = first in the queue). */
  reorder(id: string, toIndex: number): void {
    const entry = this.#entry(id);
    const others = [...this.#entries.values()].filter((e) => e !== entry).sort((a, b) => a.cp.order - b.cp.order);
    const index = Math.max(0, Math.min(toIndex, others.length));
    const before = others[index - 1]?.cp.order;
    const after = others[index]?.cp.order;
    // A fractional order moves one item without renumbering (and rewriting) all the others.
    entry.cp.order = before === undefined ? (after ?? 1) - 1 : after === undefined ? before + 1 : (before + after) / 2;
    this.#save(entry.cp);
    this.#queue.reordered();
    this.#dirty.add(id);
    this.#pump();
  }

  list(): ItemSnapshot[] {
    return [...this.#entries.values()].sort((a, b) => a.cp.order - b.cp.order).map((e) => this.#snapshot(e));
  }

  get(id: string): ItemSnapshot | undefined {
    const entry = this.#entries.get(id);
    return entry && this.#snapshot(entry);
  }

  getSettings(): Settings {
    return { ...this.#settings };
  }

  setSettings(patch: Partial<Settings>): Settings {
    const next = { ...this.#settings, ...patch };
    if (patch.dir !== undefined) {
      next.dir = path.resolve(patch.dir);
      ensureFolder(next.dir);
    }
    this.#settings = next;
    this.#store.saveSettings(next);
    this.#http.setMaxSocketsPerHost(next.perHostConnections);
    this.#hostSlots.setLimit(next.perHostConnections);
    this.#globalLimit.setRate(next.speedLimit);
    this.emit('settings', this.getSettings());
    this.#pump();
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
    const { cp } = this.#entry(id);
    if (!cp.fileName) return cp.dir;
    return cp.state === 'done' ? insideFolder(cp.dir, cp.fileName) : partPathOf(cp.dir, cp.fileName);
  }

  /** Resolves when nothing is queued or running: for the CLI and tests. */
  whenIdle(): Promise<void> {
    return new Promise((resolve) => {
      this.#idleWaiters.push(resolve);
      this.#checkIdle();
    });
  }

  /** Stops running downloads (they resume at the next start), flushes every checkpoint, stops timers. */
  async close(): Promise<void> {
    this.#closing = true;
    await Promise.all([...this.#entries.values()].map((entry) => this.#stop(entry, 'close')));
    this.#store.close();
    this.#emitBatch();
    clearInterval(this.#timer);
    this.#http.destroy();
    this.#lock.release();
    this.#checkIdle();
  }

  #pump(): void {
    if (this.#closing) return;
    for (const entry of this.#queue.next(this.#settings.maxConcurrent - this.#queue.runningCount)) this.#start(entry);
    this.#checkIdle();
  }

  #start(entry: Entry): void {
    const controller = new AbortController();
    const download = new Download(entry.cp, {
      http: this.#http,
      settings: () => this.#settings,
      persist: (urgent) => this.#save(entry.cp, urgent),
      claimed: () => {
        entry.cp.updatedAt = Date.now();
        this.#names.index(entry.cp);
        this.#store.claim(entry.cp);
      },
      changed: () => this.#dirty.add(entry.cp.id),
      isNameTaken: (dir, name) => this.#names.isTaken(entry.cp.id, dir, name),
      retryBaseDelayMs: this.#options.retryBaseDelayMs ?? 1000,
      retryMaxDelayMs: this.#options.retryMaxDelayMs ?? 60_000,
      minSplitBytes: this.#options.minSplitBytes ?? 1 << 20,
      hostSlots: this.#hostSlots,
      globalLimit: this.#globalLimit,
    });
    entry.controller = controller;
    entry.download = download;
    this.#queue.setRunning(entry, true);
    entry.meter.reset();
    delete entry.cp.error;
    this.#setState(entry, 'downloading');
    entry.running = download.run(controller.signal).then(
      () => {
        entry.cp.finishedAt = Date.now();
        this.#setState(entry, 'done');
      },
      (error: unknown) => this.#settleStopped(entry, controller.signal, error),
    );
    void entry.running.finally(() => {
      entry.running = undefined;
      entry.download = undefined;
      entry.controller = undefined;
      this.#queue.setRunning(entry, false);
      this.#dirty.add(entry.cp.id);
      this.#pump();
    });
  }

  #settleStopped(entry: Entry, signal: AbortSignal, error: unknown): void {
    const reason = signal.aborted ? (signal.reason as StopReason) : undefined;
    if (reason === 'close') {
      this.#save(entry.cp); // state stays "downloading": it resumes at the next start
      return;
    }
    if (reason) {
      this.#save(entry.cp); // pause/cancel/remove/relink set the state themselves
      return;
    }
    entry.cp.error = toErrorInfo(error);
    this.#setState(entry, 'failed');
  }

  /** Aborts a running download and waits until its checkpoint is flushed. */
  async #stop(entry: Entry, reason: StopReason): Promise<void> {
    if (!entry.running) return;
    entry.controller?.abort(reason);
    await entry.running;
  }

  #requeue(entry: Entry): void {
    delete entry.cp.error;
    if (entry.cp.state === 'canceled') this.#forgetFile(entry.cp);
    this.#setState(entry, 'queued');
  }

  #setState(entry: Entry, state: Checkpoint['state']): void {
    entry.cp.state = state;
    this.#queue.update(entry);
    this.#save(entry.cp);
    this.#dirty.add(entry.cp.id);
    this.#checkIdle();
  }

  #save(cp: Checkpoint, urgent = false): void {
    cp.updatedAt = Date.now();
    this.#names.index(cp);
    this.#store.save(cp, urgent);
  }



  #deletePartial(cp: Checkpoint): void {
    if (cp.fileName && cp.state !== 'done') fs.rmSync(partPathOf(cp.dir, cp.fileName), { force: true });
  }

  #forgetFile(cp: Checkpoint): void {
    cp.done = [];
    delete cp.fileName;
    delete cp.total;
    delete cp.validators;
    delete cp.acceptsRanges;
  }



  #entry(id: string): Entry {
    const entry = this.#entries.get(id);
    if (!entry) throw new DownloadError('ERR_UNKNOWN_ITEM', `There is no download with id "${id}"; it may have been removed.`);
    return entry;
  }

  #entriesOf(ids: string[]): Entry[] {
    return ids.map((id) => this.#entry(id));
  }

  #checkIdle(): void {
    if (this.#idleWaiters.length === 0) return;
    if (this.#queue.runningCount > 0 || (!this.#closing && this.#queue.queuedCount > 0)) return;
    const waiters = this.#idleWaiters;
    this.#idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  #emitBatch(): void {
    const now = Date.now();
    for (const entry of this.#entries.values()) {
      if (entry.download) {
        entry.meter.sample(entry.download.bytes(), now);
        this.#dirty.add(entry.cp.id);
      }
    }
    if (this.#dirty.size === 0 && this.#removed.length === 0) return;
    const changed: ItemSnapshot[] = [];
    for (const id of this.#dirty) {
      const entry = this.#entries.get(id);
      if (entry) changed.push(this.#snapshot(entry));
    }
    const removed = this.#removed;
    this.#dirty.clear();
    this.#removed = [];
    this.emit('items', { changed, removed });
  }

  #snapshot(entry: Entry): ItemSnapshot {
    return snapshotOf(entry.cp, entry.download, entry.meter, Date.now());
  }

}
