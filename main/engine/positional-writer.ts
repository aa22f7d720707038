// A Writable that puts one connection's bytes into the part file from a given offset.
// Chunks from the socket are small (16–64 KiB); they are gathered into large writes so the
// disk sees few system calls, and the stream's backpressure keeps memory bounded.
// `limit` can shrink while running (another connection took over the tail of this range):
// bytes past it are dropped and `onLimitReached` tells the owner to close the request.

import { Writable } from 'node:stream';
import type { PartFile } from './part-file.ts';
import { bodyReceived, writerClosed, writerOpened } from './young-release.ts';

const GATHER_BYTES = 512 * 1024;
const SMALL_CHUNK = 16 * 1024;

export interface PositionalWriterOptions {
  file: PartFile;
  position: number;
  /** Current end (exclusive) of the range this writer may fill; Infinity when unknown. */
  limit: () => number;
  /** Called as bytes arrive, before they are written (for display). */
  onAccepted: (bytes: number) => void;
  /** Called after bytes reached the file (page cache), with the new position. */
  onWritten: (position: number, bytes: number) => void;
  onLimitReached: () => void;
}

export class PositionalWriter extends Writable {
  #options: PositionalWriterOptions;
  #position: number;
  #gathered: Buffer[] = [];
  #gatheredBytes = 0;
  #limitReached = false;
  #flushing: Promise<void> = Promise.resolve();
  /** A batch is written while the one before it is still being written: the socket waits for the disk. */
  #waitingOnDisk = false;

  constructor(options: PositionalWriterOptions) {
    super({ highWaterMark: GATHER_BYTES });
    this.#options = options;
    this.#position = options.position;
    writerOpened();
    this.once('close', writerClosed);
  }

  /** Whether the stream upstream is held back by this writer (the disk is behind), not waiting on the network. */
  get holdingBack(): boolean {
    return this.#waitingOnDisk || this.writableNeedDrain;
  }

  /** Position of the next byte to be written to the file (gathered bytes not included). */
  get position(): number {
    return this.#position;
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    if (this.#limitReached) return callback();
    bodyReceived(chunk.length);
    const room = this.#options.limit() - (this.#position + this.#gatheredBytes);
    const accepted = room < chunk.length ? chunk.subarray(0, Math.max(0, room)) : chunk;
    if (accepted.length > 0) {
      // A slow socket delivers small slices of a 64 KiB read buffer, each keeping the whole
      // buffer alive while it waits here; a copy lets the big one go (200 slow downloads
      // would otherwise hold hundreds of megabytes).
      this.#gathered.push(accepted.length < SMALL_CHUNK ? Buffer.from(accepted) : accepted);
      this.#gatheredBytes += accepted.length;
      this.#options.onAccepted(accepted.length);
    }
    if (accepted.length < chunk.length) {
      this.#limitReached = true;
      this.flush().then(() => {
        this.#options.onLimitReached();
        callback();
      }, callback);
      return;
    }
    if (this.#gatheredBytes >= GATHER_BYTES) {
      // Double buffering: this batch is written while the next one gathers. Only when the
      // previous write is still running does the socket have to wait.
      const previous = this.#flushing;
      void this.flush().catch((error: unknown) => this.destroy(error as Error));
      this.#waitingOnDisk = true;
      const done = (error?: unknown) => {
        this.#waitingOnDisk = false;
        callback(error as Error | undefined);
      };
      previous.then(() => done(), done);
    } else {
      callback();
    }
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.flush().then(() => callback(), callback);
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    // Bytes already received are worth keeping: write them before letting go.
    this.flush().then(
      () => callback(error),
      (flushError: unknown) => callback(error ?? (flushError as Error)),
    );
  }

  /** Writes what has been gathered. Safe to call at any time (e.g. before a checkpoint). */
  flush(): Promise<void> {
    this.#flushing = this.#flushing.then(async () => {
      if (this.#gatheredBytes === 0) return;
      const buffers = this.#gathered;
      const bytes = this.#gatheredBytes;
      this.#gathered = [];
      this.#gatheredBytes = 0;
      await this.#options.file.writeAt(buffers, this.#position);
      this.#position += bytes;
      this.#options.onWritten(this.#position, bytes);
    });
    // A write that failed ends this writer, whoever asked for it: a flush before a record
    // comes while no byte arrives (a stalled server), and the request must not wait for one.
    this.#flushing.catch((error: unknown) => this.destroy(error as Error));
    return this.#flushing;
  }
}
