// One download, from the first byte to the rename. The first GET is the probe (its headers
// give size, validators and name; its body is the first segment). Every later request is
// ranged and guarded by If-Match / If-Unmodified-Since, and every response is checked by
// `decide` before a byte of it is written. Progress is recorded only after fdatasync, so a
// crash at any instant resumes from bytes that really are on disk.

import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Request } from 'got';
import { coveredBytes, sameRanges } from './byte-ranges.ts';
import { DownloadError, type HistoryCode, type Params } from './errors.ts';
import type { HttpClient } from './http-client.ts';
import { requestError, responseOf } from './http-client.ts';
import type { Checkpoint, RetryInfo, Settings } from './item.ts';
import { PartFile } from './part-file.ts';
import { PositionalWriter } from './positional-writer.ts';
import { decide, type FileFacts, hasValidator, type RestartReason } from './response-check.ts';
import { retryDelay } from './retry-delay.ts';
import { SegmentLedger, type Segment } from './segment-ledger.ts';
import { StallWatchdog } from './stall-watchdog.ts';
import { decoderFor } from './content.ts';
import { completePartFile, finishedBeforeCrash } from './complete-file.ts';
import { claimFileName, partPathOf } from './target-file.ts';
import { WorkerGroup } from './worker-group.ts';
import type { HostSlots } from './host-slots.ts';
import { Throttle } from './throttle.ts';
import { TokenBucket } from './token-bucket.ts';

const PROGRESS_INTERVAL_MS = 1000;
const MAX_RESTARTS = 5;

export interface DownloadDeps {
  http: HttpClient;
  settings: () => Settings;
  /** Records the checkpoint: soon, or at once when `urgent`. */
  persist: (urgent?: boolean) => void;
  /** Records that this item now owns its `.part` file (cheaply, before any byte is written). */
  claimed: () => void;
  /** Marks the item for the next snapshot batch. */
  changed: () => void;
  /** Whether another item already claimed this final name in this folder. */
  isNameTaken: (dir: string, name: string) => boolean;
  retryBaseDelayMs: number;
  retryMaxDelayMs: number;
  /** Smallest range worth giving to another connection. */
  minSplitBytes: number;
  /** Connections per host, shared by every download. */
  hostSlots: HostSlots;
  /** The global speed limit (rate 0 = none). */
  globalLimit: TokenBucket;
}

/** Thrown inside an attempt when what we have must be discarded and the file probed again. */
class Restart extends Error {
  readonly reason: RestartReason;
  constructor(reason: RestartReason) {
    super(reason.code);
    this.reason = reason;
  }
}

export class Download {
  readonly cp: Checkpoint;
  retry: RetryInfo | null = null;
  #deps: DownloadDeps;
  #ledger: SegmentLedger | undefined;
  #file: PartFile | undefined;
  #writers = new Set<PositionalWriter>();
  #encoded = false;
  /** The server answered a range with the whole file: no ranges for the rest of this run. */
  #rangesIgnored = false;
  #failures = 0;
  #restarts = 0;
  #flushing: Promise<void> | undefined;
  #ownLimit: TokenBucket | undefined;
  /** Cuts every backoff wait short (the network is back, the machine woke). */
  #nudge = new AbortController();
  #failuresAtSuspend: number | undefined;
  /** After a wake: failures of connections that died in the sleep, not counted, up to this many. */
  #forgiven = { budget: 0, until: 0 };

  constructor(checkpoint: Checkpoint, deps: DownloadDeps) {
    this.cp = checkpoint;
    this.#deps = deps;
    const limit = checkpoint.options.speedLimit ?? 0;
    if (limit > 0) this.#ownLimit = new TokenBucket(limit);
  }

  /** Bytes received so far (for display; the checkpoint counts only durable bytes). */
  bytes(): number {
    return this.#ledger ? this.#ledger.bytesReceived() : coveredBytes(this.cp.done);
  }

  connections(): number {
    return this.#ledger?.activeCount() ?? 0;
  }

  /** Runs until the file is complete and renamed. Rejects with a DownloadError, or with the abort reason. */
  async run(signal: AbortSignal): Promise<void> {
    if (finishedBeforeCrash(this.cp)) return;
    // Early records come quickly (0.2, 0.4, 0.8 s) so that even a download killed in its
    // first second resumes with a range; after that, about once a second.
    let interval = 200;
    let timer: NodeJS.Timeout;
    const tick = () => {
      void this.#recordProgress().catch(() => {});
      interval = Math.min(PROGRESS_INTERVAL_MS, interval * 2);
      timer = setTimeout(tick, interval);
    };
    timer = setTimeout(tick, interval);
    try {
      for (;;) {
        try {
          await this.#fetchAll(signal);
          await this.#finish();
          return;
        } catch (error) {
          if (signal.aborted) throw signal.reason;
          if (!(error instanceof Restart)) throw error;
          await this.#restart(error.reason);
        }
      }
    } finally {
      clearTimeout(timer);
      this.retry = null;
      await this.#release();
    }
  }

  async #fetchAll(signal: AbortSignal): Promise<void> {
    await this.#openForResume();
    const group = new WorkerGroup(signal);
    if (this.#ledger) {
      for (let i = 0; i < this.#connectionTarget(); i++) group.add(() => this.#worker(group, undefined));
    } else {
      group.add(() => this.#worker(group, 'probe'));
    }
    await group.done();
    if (this.#ledger && !this.#ledger.complete() && this.#ledger.total !== undefined) {
      throw new DownloadError('ERR_NETWORK', { action: 'resume', retryable: true });
    }
  }

  /** Decides, from the checkpoint, whether to continue with ranged requests or probe afresh. */
  async #openForResume(): Promise<void> {
    if (this.#ledger) return;
    const { cp } = this;
    if (!cp.fileName || cp.done.length === 0) return;
    if (cp.acceptsRanges === false || this.#encoded) return this.#forgetProgress();
    if (!hasValidator(cp.validators) && !this.#deps.settings().resumeWithoutValidator) {
      this.#note({ code: 'noValidator' });
      return this.#forgetProgress();
    }
    const { file, existed } = this.#openPart();
    this.#file = file;
    const size = existed ? await file.size() : 0;
    // Trust only ranges the file really holds (it may have been truncated behind our back).
    const done = cp.done.map(([s, e]): [number, number] => [s, Math.min(e, size)]).filter(([s, e]) => e > s);
    cp.done = done;
    if (done.length === 0) return;
    this.#ledger = new SegmentLedger(done, cp.total, this.#deps.minSplitBytes);
  }

  async #worker(group: WorkerGroup, probe: 'probe' | undefined): Promise<void> {
    // The probe's segment is created when its response arrives, so it lives in a slot the
    // worker keeps across attempts: a retry continues that very segment.
    const slot: { segment?: Segment | undefined } = { segment: probe ? undefined : this.#ledger?.next() };
    if (!probe && !slot.segment) return;
    for (;;) {
      const startedAt = slot.segment?.position;
      try {
        await this.#fetch(slot, group);
        this.#failures = 0;
        this.retry = null;
        if (slot.segment) this.#ledger?.release(slot.segment);
        slot.segment = this.#ledger?.next();
        if (!slot.segment) return;
      } catch (error) {
        if (group.signal.aborted || error instanceof Restart) throw error;
        const failure = error instanceof DownloadError ? error : requestError(error);
        if (!failure.retryable) throw failure;
        // Without a way to continue (no ranges, no validator, compressed), start over.
        if (this.#ledger && !this.#canContinue()) throw new Restart({ code: 'cannotContinue', params: { ...failure.params, error: failure.code } });
        // A link that drops often but moves forward each time is slow, not broken.
        if (slot.segment && startedAt !== undefined && slot.segment.position > startedAt) this.#failures = 0;
        await this.#backoff(failure, group.signal);
      }
    }
  }

  /** One request filling the slot's segment (the probe creates its segment on the way). */
  async #fetch(slot: { segment?: Segment | undefined }, group: WorkerGroup): Promise<void> {
    const { cp } = this;
    const given = slot.segment;
    const ranged = given !== undefined;
    const headers: Record<string, string> = {};
    if (given) {
      // Open-ended up to the end of the file (bytes=N-), bounded only for a helper's share.
      const last = Number.isFinite(given.end) && given.end !== cp.total ? String(given.end - 1) : '';
      headers['range'] = `bytes=${given.position}-${last}`;
      if (cp.validators?.etag) headers['if-match'] = cp.validators.etag;
      else if (cp.validators?.lastModified) headers['if-unmodified-since'] = cp.validators.lastModified;
    }
    const releaseSlot = await this.#deps.hostSlots.acquire(new URL(cp.url).host, group.signal);
    const controller = new AbortController();
    const onGroupAbort = () => controller.abort(group.signal.reason);
    group.signal.addEventListener('abort', onGroupAbort, { once: true });
    const watchdog = new StallWatchdog(this.#deps.settings().stallTimeoutMs, () =>
      controller.abort(new DownloadError('ERR_STALLED', { params: { seconds: Math.round(this.#deps.settings().stallTimeoutMs / 1000) }, action: 'resume', retryable: true })),
    );
    let request: Request | undefined;
    try {
      request = this.#deps.http.stream(cp.url, headers, controller.signal, cp.options.headers);
      // Between the response head and the pipeline (the name is claimed, the part file opened)
      // the stream has no other error listener: a connection cut then would crash the
      // process. The stream keeps the error, and the pipeline below rejects with it.
      request.on('error', () => {});
      // 'downloadProgress' rather than 'data': a data listener would start the flow before the body has somewhere to go.
      request.on('downloadProgress', () => watchdog.feed());
      const response = await responseOf(request);
      watchdog.feed();
      const decision = decide({ start: given?.position ?? 0, ranged, total: cp.total, validators: cp.validators }, response, Date.now());
      switch (decision.kind) {
        case 'fail':
          throw decision.error;
        case 'restart':
          throw new Restart(decision.reason);
        case 'rewrite':
          this.#rangesIgnored = true;
          cp.acceptsRanges = false;
          throw new Restart(decision.reason);
        case 'complete':
          if (given) given.position = given.end;
          request.destroy();
          return;
        case 'write':
          break;
      }
      if (!slot.segment) {
        slot.segment = await this.#adopt(decision.facts, response.url);
        this.#addHelpers(group);
      }
      const target = slot.segment;
      const writer = new PositionalWriter({
        file: this.#file!,
        position: target.position,
        limit: () => target.end,
        onAccepted: (bytes) => (target.received += bytes),
        onWritten: (position) => (target.position = position),
        onLimitReached: () => controller.abort(new SegmentFilled()),
      });
      this.#writers.add(writer);
      target.received = target.position - target.start;
      try {
        const stages: NodeJS.ReadWriteStream[] = [];
        const limits = this.#limits();
        if (limits().length > 0) stages.push(new Throttle(limits, (holding) => (holding ? watchdog.hold() : watchdog.feed())));
        if (this.#encoded) stages.push(decoderFor(decision.facts.encoding!));
        await pipeline([request, ...stages, writer]);
      } catch (error) {
        if (!(controller.signal.reason instanceof SegmentFilled)) throw error;
      } finally {
        this.#writers.delete(writer);
      }
      if (target.position < target.end && Number.isFinite(target.end)) {
        throw new DownloadError('ERR_NETWORK', { action: 'resume', retryable: true });
      }
      if (!Number.isFinite(target.end)) this.#settleUnknownTotal(target);
    } catch (error) {
      request?.destroy();
      const reason = controller.signal.reason;
      if (reason instanceof DownloadError || reason instanceof Restart) throw reason;
      if (group.signal.aborted) throw group.signal.reason;
      throw error instanceof DownloadError || error instanceof Restart ? error : requestError(error);
    } finally {
      watchdog.stop();
      releaseSlot();
      group.signal.removeEventListener('abort', onGroupAbort);
    }
  }

  /** The speed limits that apply now (the global one can change while running). */
  #limits(): () => TokenBucket[] {
    return () => [this.#deps.globalLimit, this.#ownLimit].filter((bucket): bucket is TokenBucket => bucket !== undefined && bucket.rate > 0);
  }

  /** The probe answered: settle the name, open the part file, set up the ledger. */
  async #adopt(facts: FileFacts, finalUrl: string): Promise<Segment> {
    const { cp } = this;
    if (finalUrl && finalUrl !== cp.url) cp.finalUrl = finalUrl;
    this.#encoded = facts.encoding !== undefined;
    if (this.#encoded) decoderFor(facts.encoding!); // fails clearly for a coding we cannot undo
    if (!cp.fileName) {
      const claimed = await claimFileName(cp.dir, cp.options.fileName, facts.contentDisposition, finalUrl || cp.url, this.#deps.isNameTaken);
      cp.fileName = claimed.name;
      this.#file = claimed.file;
    } else {
      this.#file ??= this.#openPart().file;
      await this.#file.truncate(0);
    }
    cp.total = facts.total;
    cp.validators = facts.validators;
    cp.acceptsRanges = facts.acceptsRanges && facts.total !== undefined && !this.#rangesIgnored;
    cp.done = [];
    this.#ledger = new SegmentLedger([], cp.total, this.#deps.minSplitBytes);
    // Before any byte: a crash must not leave a `.part` that no record knows about.
    this.#deps.claimed();
    this.#deps.changed();
    return this.#ledger.claim(0, cp.total ?? Number.POSITIVE_INFINITY);
  }

  /** Once the probe shows ranges work, more connections join and split its range. */
  #addHelpers(group: WorkerGroup): void {
    if (!this.cp.acceptsRanges) return;
    for (let i = 1; i < this.#connectionTarget(); i++) group.add(() => this.#worker(group, undefined));
  }

  #connectionTarget(): number {
    // Without a validator, a range from a second connection could come from another
    // version of the file: unless the user accepts that, one stream does it all.
    if (!this.cp.acceptsRanges || this.#encoded || !this.#canContinue()) return 1;
    return Math.max(1, this.cp.options.connections ?? this.#deps.settings().connections);
  }

  #canContinue(): boolean {
    const { cp } = this;
    if (this.#encoded || cp.acceptsRanges === false) return false;
    return hasValidator(cp.validators) || this.#deps.settings().resumeWithoutValidator;
  }

  /** A stream of unknown length ended cleanly: that end is the size. */
  #settleUnknownTotal(segment: Segment): void {
    segment.end = segment.position;
    this.cp.total = segment.position;
    this.#ledger?.settleTotal(segment.position);
  }

  /** The machine is going to sleep: what fails from here until the wake is not the server's fault. */
  suspended(): void {
    this.#failuresAtSuspend ??= this.#failures;
  }

  /**
   * The network is back (`woke`: the machine woke from sleep). Attempts waiting out a backoff
   * go at once. After a sleep, failures since the suspend are forgiven, and connections that
   * were open are replaced now instead of after the stall timeout: their sockets rarely
   * survive, and the reconnect is not counted toward the retry limit.
   */
  nudge(options: { woke: boolean }): void {
    if (options.woke) {
      if (this.#failuresAtSuspend !== undefined) this.#failures = Math.min(this.#failures, this.#failuresAtSuspend);
      this.#failuresAtSuspend = undefined;
      this.#forgiven = { budget: Math.max(1, this.#writers.size), until: Date.now() + this.#deps.settings().stallTimeoutMs + 10_000 };
      if (this.#canContinue()) {
        const slept = new DownloadError('ERR_NETWORK', { params: { variant: 'slept' }, retryable: true });
        for (const writer of this.#writers) writer.destroy(slept);
      }
    }
    const nudge = this.#nudge;
    this.#nudge = new AbortController();
    nudge.abort();
  }

  async #backoff(failure: DownloadError, signal: AbortSignal): Promise<void> {
    if (this.#forgiven.budget > 0 && Date.now() < this.#forgiven.until) {
      this.#forgiven.budget -= 1;
      return;
    }
    this.#failures += 1;
    const maxRetries = this.#deps.settings().maxRetries;
    if (this.#failures > maxRetries) {
      // The same code and facts, plus how many attempts were made and what is kept.
      throw new DownloadError(failure.code, { params: { ...failure.params, attempts: maxRetries + 1, kept: this.bytes() }, action: failure.action ?? 'resume', cause: failure });
    }
    const delay = retryDelay({ failures: this.#failures, baseMs: this.#deps.retryBaseDelayMs, maxMs: this.#deps.retryMaxDelayMs, retryAfterMs: failure.retryAfterMs });
    this.retry = { attempt: this.#failures + 1, maxAttempts: maxRetries + 1, at: Date.now() + delay };
    this.cp.error = failure.info();
    this.#deps.changed();
    await this.#recordProgress().catch(() => {});
    const nudged = this.#nudge.signal;
    await sleep(delay, undefined, { signal: AbortSignal.any([signal, nudged]) }).catch((error: unknown) => {
      if (signal.aborted || !nudged.aborted) throw error;
    });
    this.retry = null;
    delete this.cp.error;
    this.#deps.changed();
  }

  async #restart(reason: RestartReason): Promise<void> {
    this.#restarts += 1;
    if (this.#restarts > MAX_RESTARTS) {
      throw new DownloadError('ERR_SERVER_CHANGED', { params: { ...reason.params, reason: reason.code, times: MAX_RESTARTS }, action: 'retryLater' });
    }
    this.#note(reason);
    await this.#flushWriters();
    this.#forgetProgress();
    if (reason.code === 'serverFileChanged') delete this.cp.validators;
    await this.#file?.truncate(0).catch(() => {});
    this.#deps.persist();
    this.#deps.changed();
  }

  #forgetProgress(): void {
    this.cp.done = [];
    this.#ledger = undefined;
  }

  async #finish(): Promise<void> {
    const { cp } = this;
    const file = this.#file;
    if (!file || !cp.fileName) throw new DownloadError('ERR_INTERNAL', { params: { detail: 'the download ended without a file' }, action: 'retry' });
    await this.#flushWriters();
    try {
      await completePartFile(cp, file, this.#ledger?.doneRanges(), (name) => name !== cp.fileName && this.#deps.isNameTaken(cp.dir, name));
    } catch (error) {
      // Bytes that failed the checks are worth nothing: a retry starts over.
      if (error instanceof DownloadError && (error.code === 'ERR_SIZE_MISMATCH' || error.code === 'ERR_CHECKSUM_MISMATCH')) this.#forgetProgress();
      throw error;
    }
    this.#file = undefined;
  }


  /** Flushes, fsyncs, then records progress: recorded bytes never exceed durable bytes. */
  #recordProgress(): Promise<void> {
    this.#flushing ??= (async () => {
      try {
        const file = this.#file;
        const ledger = this.#ledger;
        if (!file || file.closed || !ledger) return;
        await this.#flushWriters();
        const done = ledger.doneRanges();
        if (sameRanges(done, this.cp.done)) return;
        await file.sync();
        this.cp.done = done;
        // Not coalesced: these come at most about once a second, and a kill right after one
        // must find it on disk.
        this.#deps.persist(true);
      } finally {
        this.#flushing = undefined;
      }
    })();
    return this.#flushing;
  }

  async #flushWriters(): Promise<void> {
    await Promise.all([...this.#writers].map((writer) => writer.flush().catch(() => {})));
  }

  /** On any exit: keep every written byte, record it, close the file. */
  async #release(): Promise<void> {
    await this.#flushing?.catch(() => {});
    await this.#recordProgress().catch(() => {});
    await this.#file?.close().catch(() => {});
    this.#file = undefined;
    this.#ledger = undefined;
  }

  #openPart(): { file: PartFile; existed: boolean } {
    return PartFile.openOrCreate(partPathOf(this.cp.dir, this.cp.fileName!));
  }

  #note(entry: { code: HistoryCode; params?: Params | undefined }): void {
    this.cp.history.push(entry.params ? { at: Date.now(), code: entry.code, params: entry.params } : { at: Date.now(), code: entry.code });
    if (this.cp.history.length > 50) this.cp.history.splice(0, this.cp.history.length - 50);
  }
}

/** Marks an abort that only means "this connection's range is full". */
class SegmentFilled extends Error {}
