// Records how far a download got: flushes every writer, fdatasyncs the part file, and only
// then puts the ranges into the checkpoint, so recorded bytes never exceed durable bytes
// and a crash at any instant resumes from bytes that really are on disk.

import { coveredBytes, rangesBelow, sameRanges } from './byte-ranges.ts';
import { recordDurable } from './checkpoint-transitions.ts';
import type { Checkpoint } from './item.ts';
import type { PartFile } from './part-file.ts';
import type { PositionalWriter } from './positional-writer.ts';
import type { SegmentLedger } from './segment-ledger.ts';

const PROGRESS_INTERVAL_MS = 1000;
/**
 * After its first record, a download records on its own schedule only when this much is new
 * or the last record is this old. Each record costs an fdatasync and a store write: 200 slow
 * downloads recording every second kept libuv's four threads busy with syncs, so every
 * chunk waited for its write long enough to outlive V8's young generation.
 */
const RECORD_NEW_BYTES = 1024 * 1024;
const RECORD_MAX_AGE_MS = 5000;

export interface ProgressSource {
  readonly cp: Checkpoint;
  file(): PartFile | undefined;
  ledger(): SegmentLedger | undefined;
  /** Records the checkpoint: now, or with the store's next batch. */
  persist(urgent: boolean): void;
}

export class ProgressRecorder {
  #source: ProgressSource;
  #writers = new Set<PositionalWriter>();
  #recording: Promise<void> | undefined;
  #timer: NodeJS.Timeout | undefined;
  /** When the last record of this run was made (0: none yet). */
  #recordedAt = 0;

  constructor(source: ProgressSource) {
    this.#source = source;
  }

  /** Starts recording in the background until `stop`. */
  start(): void {
    // Early ticks come quickly (0.2, 0.4, 0.8 s) so that even a download killed in its first
    // second resumes with a range; after that one a second, each recording when it is due.
    let interval = 200;
    const tick = () => {
      void this.#recordIfDue();
      interval = Math.min(PROGRESS_INTERVAL_MS, interval * 2);
      this.#timer = setTimeout(tick, interval);
    };
    this.#timer = setTimeout(tick, interval);
  }

  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** Keeps a writer known while it runs; returns the function that forgets it. */
  track(writer: PositionalWriter): () => void {
    this.#writers.add(writer);
    return () => this.#writers.delete(writer);
  }

  /** The writers running now (one per open connection). */
  get writers(): ReadonlySet<PositionalWriter> {
    return this.#writers;
  }

  /** Writes what every writer gathered (errors are the writers' own to report). */
  async flushWriters(): Promise<void> {
    await Promise.all([...this.#writers].map((writer) => writer.flush().catch(() => {})));
  }

  /** A scheduled record: the first as soon as there are bytes, later ones when enough is new or the last is old. */
  #recordIfDue(): Promise<void> {
    const ledger = this.#source.ledger();
    if (this.#recordedAt > 0 && ledger) {
      const fresh = ledger.bytesReceived() - coveredBytes(this.#source.cp.done);
      // Not due: what the writers hold still goes to the page cache, so no connection keeps
      // more than a second of bytes in memory.
      if (fresh < RECORD_NEW_BYTES && Date.now() - this.#recordedAt < RECORD_MAX_AGE_MS) return this.flushWriters();
    }
    return this.record();
  }

  /**
   * One record; never rejects (a failed sync keeps the previous record, which is still true).
   * Not `urgent`: the checkpoint goes with the store's next batch (a download that stops: its
   * state changes too, and one write then carries both).
   */
  record(urgent = true): Promise<void> {
    this.#recording ??= this.#recordOnce(urgent)
      .catch(() => {})
      .finally(() => (this.#recording = undefined));
    return this.#recording;
  }

  /** Waits for a record in progress. */
  async settled(): Promise<void> {
    await this.#recording;
  }

  async #recordOnce(urgent: boolean): Promise<void> {
    const file = this.#source.file();
    const ledger = this.#source.ledger();
    if (!file || file.closed || !ledger) return;
    await this.flushWriters();
    // Bytes past a cut another program made are not on disk, whatever was written there.
    const lost = file.lostFrom;
    const done = lost === undefined ? ledger.doneRanges() : rangesBelow(ledger.doneRanges(), lost);
    if (sameRanges(done, this.#source.cp.done)) return;
    await file.sync();
    recordDurable(this.#source.cp, done);
    this.#recordedAt = Date.now();
    // A scheduled one is not coalesced: they come at most about once a second, and a kill
    // right after one must find it on disk.
    this.#source.persist(urgent);
  }
}
