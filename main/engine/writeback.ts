// Lets the disk write a download back while it runs. Linux starts writing dirty pages on its
// own only once a large share of memory is dirty or they are half a minute old, so a big file
// would sit in the page cache with the disk idle until the next record's fdatasync (about
// once a second) or the last one, and the download would end waiting for the disk. A
// background fdatasync every WRITEBACK_BYTES keeps the disk busy from the first megabytes,
// and the syncs that must wait (a record, the end) find little left. (Linux's
// sync_file_range would start the writeback without waiting for it; Node has no binding.)

import fs from 'node:fs';

const WRITEBACK_BYTES = 16 * 1024 * 1024;

export class Writeback {
  #fd: number;
  #unsynced = 0;
  #inFlight: Promise<void> | undefined;
  /**
   * A failed background sync. Linux reports a writeback error to each descriptor once: the
   * error this sync saw would be missing from the next one, whose success would then record
   * bytes that never reached the disk. So it is kept and given to the next sync that waits.
   */
  #failure: NodeJS.ErrnoException | undefined;

  constructor(fd: number) {
    this.#fd = fd;
  }

  /** Bytes reached the page cache. */
  written(bytes: number): void {
    this.#unsynced += bytes;
    if (this.#unsynced >= WRITEBACK_BYTES && !this.#inFlight) this.#start();
  }

  #start(): void {
    this.#unsynced = 0;
    this.#inFlight = new Promise<void>((resolve) =>
      fs.fdatasync(this.#fd, (error) => {
        if (error) this.#failure ??= error;
        this.#inFlight = undefined;
        resolve();
      }),
    );
  }

  /** Waits for a sync in flight (before the descriptor closes or a sync that must wait); throws what one of them failed with. */
  async settle(): Promise<void> {
    await this.#inFlight;
    const failure = this.#failure;
    this.#failure = undefined;
    if (failure) throw failure;
  }

  /** A sync that waits is about to run: what was written so far is covered by it. */
  syncing(): void {
    this.#unsynced = 0;
  }
}
