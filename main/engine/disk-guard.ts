// Keeps a reserve free on the download's disk while a body is written, so the checkpoint
// store can still write when the file has taken all it may. Asking the file system on
// every chunk would cost a system call per 64 KiB; instead each answer grants a budget of
// half the room above the reserve (several downloads sharing a disk converge on it rather
// than overshoot it), and the disk is asked again when the budget is spent.

import fs from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import { DownloadError } from './errors.ts';

const MAX_BUDGET = 64 * 1024 * 1024;

/** Free bytes for an unprivileged writer on the disk holding `dir`; undefined when the platform cannot tell. */
export async function freeBytesOf(dir: string): Promise<number | undefined> {
  try {
    const stats = await fs.promises.statfs(dir);
    return stats.bavail * stats.bsize;
  } catch {
    return undefined;
  }
}

export function diskFullError(needed: number, free: number, dir: string, cause?: unknown): DownloadError {
  return new DownloadError(
    'ERR_DISK_FULL',
    `Not enough disk space in ${dir}: the download needs ${formatBytes(needed)} more, ${formatBytes(Math.max(0, free))} is free (Tsuzuki keeps some space free for its records). Free some space, then resume: nothing downloaded so far is lost.`,
    { cause },
  );
}

export class DiskGuard extends Transform {
  #dir: string;
  #reserve: number;
  #budget = 0;

  constructor(dir: string, reserve: number) {
    super();
    this.#dir = dir;
    this.#reserve = reserve;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (chunk.length <= this.#budget) {
      this.#budget -= chunk.length;
      return callback(null, chunk);
    }
    void freeBytesOf(this.#dir).then((free) => {
      if (free === undefined) {
        this.#budget = MAX_BUDGET;
      } else {
        const room = free - this.#reserve;
        if (room < chunk.length) return callback(diskFullError(chunk.length + this.#reserve, free, this.#dir));
        this.#budget = Math.max(chunk.length, Math.min(MAX_BUDGET, Math.floor(room / 2)));
      }
      this.#budget -= chunk.length;
      callback(null, chunk);
    });
  }
}

/** SI units, as everywhere else Tsuzuki shows sizes. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB', 'PB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
