// One download, from the first byte to the rename. The first GET is the probe (its headers
// give size, validators and name; its body is the first segment). Every later request is
// ranged and guarded by If-Match / If-Unmodified-Since, and every response is checked by
// `decide` before a byte of it is written. Progress is recorded only after fdatasync, so a
// crash at any instant resumes from bytes that really are on disk.

import { setTimeout as sleep } from 'node:timers/promises';
import { type AttemptOwner, Restart, runAttempt, type Slot } from './attempt.ts';
import { coveredBytes } from './byte-ranges.ts';
import { adoptProbe, claimName, clearError, dropPartFile, noteHistory, rangesIgnored, recordPartIdentity, restart, setError, settleTotal, trustFileSize } from './checkpoint-transitions.ts';
import { DownloadError, withoutKeptBytes, type HistoryCode, type Params } from './errors.ts';
import { FailureCount } from './failure-count.ts';
import type { HttpClient } from './http-client.ts';
import { requestError } from './request-error.ts';
import type { Checkpoint, RetryInfo, Settings } from './item.ts';
import { PartFile } from './part-file.ts';
import { ProgressRecorder } from './progress-recorder.ts';
import { type FileFacts, hasValidator, type RestartReason } from './response-check.ts';
import { retryDelay } from './retry-delay.ts';
import { SegmentLedger, type Segment } from './segment-ledger.ts';
import { decoderFor } from './content.ts';
import { checkRoom, type DiskRoom } from './disk-guard.ts';
import { completePartFile, finishedBeforeCrash } from './complete-file.ts';
import { claimFileName, partPathOf } from './target-file.ts';
import { WorkerGroup } from './worker-group.ts';
import type { HostSlots } from './host-slots.ts';
import { CountedSlots } from './counted-slots.ts';
import { TokenBucket } from './token-bucket.ts';
import { RestartCap } from './restart-cap.ts';

export interface DownloadDeps {
  http: HttpClient;
  settings: () => Settings;
  /** Records the checkpoint: soon, or at once when `urgent`. */
  persist: (urgent?: boolean) => void;
  /** Records that this item now owns its `.part` file (cheaply, before any byte is written). */
  claimed: () => void;
  /** Records, before its `.part` is made, the name this item is about to claim. */
  claiming: (name: string) => void;
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

export class Download {
  readonly cp: Checkpoint;
  retry: RetryInfo | null = null;
  #deps: DownloadDeps;
  #slots: CountedSlots;
  #ledger: SegmentLedger | undefined;
  /** The disk's answer to the probe's size check, until the body's guard takes it. */
  #roomAnswer: DiskRoom | undefined;
  #file: PartFile | undefined;
  #encoded = false;
  /** The server answered a range with the whole file: no ranges for the rest of this run. */
  #rangesIgnored = false;
  #count = new FailureCount();
  #restarts = new RestartCap();
  #progress: ProgressRecorder;
  /** The probe gave no length: the size is known only at the end. */
  #lengthWasUnknown = false;
  /** The run ended in a failure (not a pause or stop). */
  #failed = false;
  #ownLimit: TokenBucket | undefined;

  constructor(checkpoint: Checkpoint, deps: DownloadDeps) {
    this.cp = checkpoint;
    this.#deps = deps;
    this.#slots = new CountedSlots(deps.hostSlots, deps.changed);
    this.#progress = new ProgressRecorder({ cp: checkpoint, file: () => this.#file, ledger: () => this.#ledger, persist: (urgent) => deps.persist(urgent) });
    const limit = checkpoint.options.speedLimit ?? 0;
    if (limit > 0) this.#ownLimit = new TokenBucket(limit);
  }

  /** Bytes received so far (for display; the checkpoint counts only durable bytes). */
  bytes(): number {
    return this.#ledger ? this.#ledger.bytesReceived() : coveredBytes(this.cp.done);
  }

  /** Connections holding a host slot (a request open or opening), not those waiting for one. */
  connections(): number {
    return this.#slots.open;
  }

  /** Set while every connection of this download waits for a slot of the per-host limit. */
  waitingForSlot(): { host: string; perHost: number } | null {
    if (this.#slots.open > 0 || this.#slots.waiting === 0) return null;
    return { host: new URL(this.cp.url).host, perHost: this.#deps.settings().perHostConnections };
  }

  /** Runs until the file is complete and renamed. Rejects with a DownloadError, or with the abort reason. */
  async run(signal: AbortSignal): Promise<void> {
    if (await finishedBeforeCrash(this.cp)) return;
    this.#progress.start();
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
    } catch (error) {
      // Whatever ends the run but a stop is a failure, the restart cap's error from #restart too.
      if (!signal.aborted) this.#failed = true;
      // #release is about to give the bytes back: the advice must not promise them.
      throw this.#failed && this.#file && !this.#worthKeeping() ? withoutKeptBytes(error) : error;
    } finally {
      this.#progress.stop();
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
    const size = existed ? file.size() : 0;
    if (cp.total !== undefined) await checkRoom(cp.dir, cp.total - Math.min(size, coveredBytes(cp.done)), this.#deps.settings().diskReserveBytes);
    trustFileSize(cp, size);
    if (cp.done.length === 0) return;
    this.#ledger = new SegmentLedger([...cp.done], cp.total, this.#deps.minSplitBytes);
  }

  async #worker(group: WorkerGroup, probe: 'probe' | undefined): Promise<void> {
    // The probe's segment is created when its response arrives, so it lives in a slot the
    // worker keeps across attempts: a retry continues that very segment.
    const slot: Slot = { segment: probe ? undefined : this.#ledger?.next() };
    if (!probe && !slot.segment) return;
    for (;;) {
      const startedAt = slot.segment?.position;
      try {
        await runAttempt(this.#attemptOwner(group), slot, group.signal);
        this.#count.progressed();
        this.retry = null;
        if (slot.segment) this.#ledger?.release(slot.segment);
        slot.segment = this.#ledger?.next();
        if (!slot.segment) return;
      } catch (error) {
        if (group.signal.aborted || error instanceof Restart) throw error;
        const failure = error instanceof DownloadError ? error : requestError(error);
        if (!failure.retryable) throw failure;
        // No way to continue (no ranges, no validator, compressed): start over, after the count and
        // the wait of any failure, since this attempt's bytes are thrown away and are no progress.
        const startOver = this.#ledger !== undefined && !this.#canContinue();
        if (!startOver && slot.segment && startedAt !== undefined && slot.segment.position > startedAt) this.#count.progressed();
        await this.#backoff(failure, group.signal);
        if (startOver) throw new Restart({ code: 'cannotContinue', params: { ...failure.params, error: failure.code } });
      }
    }
  }

  /** The speed limits that apply now (the global one can change while running). */
  #limits(): TokenBucket[] {
    return [this.#deps.globalLimit, this.#ownLimit].filter((bucket): bucket is TokenBucket => bucket !== undefined && bucket.rate > 0);
  }

  /** What each request of this download works with (see attempt.ts). */
  #attemptOwner(group: WorkerGroup): AttemptOwner {
    return {
      cp: this.cp,
      http: this.#deps.http,
      hostSlots: this.#slots,
      stallTimeoutMs: () => this.#deps.settings().stallTimeoutMs,
      file: () => this.#file!,
      encoded: () => this.#encoded,
      limits: () => this.#limits(),
      adopt: async (facts, finalUrl) => {
        const segment = await this.#adopt(facts, finalUrl);
        this.#addHelpers(group);
        return segment;
      },
      rangesIgnored: () => {
        this.#rangesIgnored = true;
        rangesIgnored(this.cp);
      },
      settleUnknownTotal: (segment) => this.#settleUnknownTotal(segment),
      track: (writer) => this.#progress.track(writer),
      reserveBytes: () => this.#deps.settings().diskReserveBytes,
      takeRoomAnswer: () => {
        const answer = this.#roomAnswer;
        this.#roomAnswer = undefined;
        return answer;
      },
      bytes: () => this.bytes(),
      allowInsecureRedirects: () => this.#deps.settings().allowInsecureRedirects,
    };
  }

  /** The probe answered: settle the name, open the part file, set up the ledger. */
  async #adopt(facts: FileFacts, finalUrl: string): Promise<Segment> {
    const { cp } = this;
    this.#encoded = facts.encoding !== undefined;
    if (this.#encoded) decoderFor(facts.encoding!); // fails clearly for a coding we cannot undo
    // A size the disk cannot hold fails before a name is claimed: nothing is left behind.
    if (facts.total !== undefined) this.#roomAnswer = await checkRoom(cp.dir, facts.total - (this.#file?.size() ?? 0), this.#deps.settings().diskReserveBytes);
    this.#lengthWasUnknown = facts.total === undefined;
    if (!cp.fileName) {
      const claimed = await claimFileName(cp.dir, cp.options.fileName, facts.contentDisposition, finalUrl || cp.url, this.#deps.isNameTaken, (name) => this.#deps.claiming(name));
      claimName(cp, claimed.name);
      this.#file = claimed.file;
      recordPartIdentity(cp, claimed.file.ino);
    } else {
      this.#file ??= this.#openPart().file;
      await this.#file.truncate(0);
    }
    adoptProbe(cp, {
      finalUrl: finalUrl || undefined,
      total: facts.total,
      validators: facts.validators,
      acceptsRanges: facts.acceptsRanges && facts.total !== undefined && !this.#rangesIgnored,
    });
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
    settleTotal(this.cp, segment.position);
    this.#ledger?.settleTotal(segment.position);
  }

  /** The machine is going to sleep: what fails from here until the wake is not the server's fault. */
  suspended(): void {
    this.#count.suspended();
  }

  /**
   * The network is back (`woke`: the machine woke from sleep). Attempts waiting out a backoff
   * go at once. After a sleep, failures since the suspend are forgiven, and connections that
   * were open are replaced now instead of after the stall timeout: their sockets rarely
   * survive, and the reconnect is not counted toward the retry limit.
   */
  nudge(options: { woke: boolean }): void {
    if (options.woke) {
      this.#count.woke(this.#progress.writers.size, this.#deps.settings().stallTimeoutMs + 10_000);
      if (this.#canContinue()) {
        const slept = new DownloadError('ERR_NETWORK', { params: { variant: 'slept' }, retryable: true });
        for (const writer of this.#progress.writers) writer.destroy(slept);
      }
    }
    this.#count.nudge();
  }

  async #backoff(failure: DownloadError, signal: AbortSignal): Promise<void> {
    if (!this.#count.charge()) return;
    const failures = this.#count.failures;
    const maxRetries = this.#deps.settings().maxRetries;
    if (failures > maxRetries) {
      // The same code and facts, plus how many attempts were made and what a resume would keep.
      throw new DownloadError(failure.code, { params: { ...failure.params, attempts: maxRetries + 1, kept: this.#canContinue() ? this.bytes() : 0 }, action: failure.action ?? 'resume', cause: failure });
    }
    const delay = retryDelay({ failures, baseMs: this.#deps.retryBaseDelayMs, maxMs: this.#deps.retryMaxDelayMs, retryAfterMs: failure.retryAfterMs });
    this.retry = { attempt: failures + 1, maxAttempts: maxRetries + 1, at: Date.now() + delay };
    setError(this.cp, failure.info());
    this.#deps.changed();
    await this.#progress.record();
    const nudged = this.#count.nudged;
    await sleep(delay, undefined, { signal: AbortSignal.any([signal, nudged]) }).catch((error: unknown) => {
      if (signal.aborted || !nudged.aborted) throw error;
    });
    this.retry = null;
    clearError(this.cp);
    this.#deps.changed();
  }

  async #restart(reason: RestartReason): Promise<void> {
    this.#restarts.count(reason);
    this.#note(reason);
    await this.#progress.flushWriters();
    restart(this.cp, { fileChanged: reason.code === 'serverFileChanged' });
    this.#ledger = undefined;
    await this.#file?.truncate(0).catch(() => {});
    this.#deps.persist();
    this.#deps.changed();
  }

  /** What we have cannot be continued: start over from byte 0. */
  #forgetProgress(): void {
    restart(this.cp, { fileChanged: false });
    this.#ledger = undefined;
  }

  async #finish(): Promise<void> {
    const { cp } = this;
    const file = this.#file;
    if (!file || !cp.fileName) throw new DownloadError('ERR_INTERNAL', { params: { variant: 'noFile' }, action: 'retry' });
    await this.#progress.flushWriters();
    try {
      // A body of unknown length learnt its size only now: recorded before the move, so a
      // kill right after it still finds a finished file of the recorded size.
      const beforeMove = () => this.#lengthWasUnknown && this.#deps.persist(true);
      await completePartFile(cp, file, this.#ledger?.doneRanges(), (name) => name !== cp.fileName && this.#deps.isNameTaken(cp.dir, name), beforeMove);
    } catch (error) {
      // Bytes that failed the checks are worth nothing: a retry starts over.
      if (error instanceof DownloadError && (error.code === 'ERR_SIZE_MISMATCH' || error.code === 'ERR_CHECKSUM_MISMATCH')) this.#forgetProgress();
      throw error;
    }
    this.#file = undefined;
  }

  /** On any exit: keep every written byte, record it, close the file. */
  async #release(): Promise<void> {
    await this.#progress.settled();
    await this.#progress.record(false);
    await this.#file?.close().catch(() => {});
    if (this.#failed && this.#file && !this.#worthKeeping()) await this.#dropPart(this.#file);
    this.#file = undefined;
    this.#ledger = undefined;
  }

  /** Whether a resume could continue from the bytes in the part file (else it starts over). */
  #worthKeeping(): boolean {
    return this.cp.total !== undefined && this.cp.done.length > 0 && this.#canContinue();
  }

  /** A failed download whose bytes a resume would throw away gives their space back now (a full disk most of all); the name is claimed again on resume. */
  async #dropPart(file: PartFile): Promise<void> {
    await file.removeIfOurs();
    this.#forgetProgress();
    dropPartFile(this.cp);
    this.#deps.changed();
  }

  #openPart(): { file: PartFile; existed: boolean } {
    const opened = PartFile.openOrCreate(partPathOf(this.cp.dir, this.cp.fileName!), this.cp.partIno);
    recordPartIdentity(this.cp, opened.file.ino);
    if (opened.replaced) this.#note({ code: 'partReplaced' });
    return opened;
  }

  #note(entry: { code: HistoryCode; params?: Params | undefined }): void {
    noteHistory(this.cp, entry.code, entry.params);
  }
}

