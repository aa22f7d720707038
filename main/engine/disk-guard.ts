// Keeps a reserve free on the download's disk, so the checkpoint store can still write when
// a file has taken all it may. Before a download starts, its known size is checked against
// the room above the reserve; while a body is written (any body: known length, unknown
// length, compressed) a guard stage stops it at the reserve. Asking the file system on
// every chunk would cost a system call per 64 KiB; instead each answer grants a budget of
// half the room above the reserve (several downloads sharing a disk converge on the
// reserve rather than overshoot it), and the disk is asked again when the budget is spent.

import fs from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import { DownloadError } from './errors.ts';

const MAX_BUDGET = 64 * 1024 * 1024;

export interface DiskRoom {
  /** Bytes an unprivileged writer may still use. */
  free: number;
  /** What is kept free: the setting, but never more than an eighth of a small disk (records need kilobytes, not a whole small disk). */
  reserve: number;
}

/** Free space and reserve on the disk holding `dir`; undefined when the platform cannot tell. */
export async function diskRoom(dir: string, reserveSetting: number): Promise<DiskRoom | undefined> {
  try {
    const stats = await fs.promises.statfs(dir);
    // A file system that reports no size at all (ramfs, some FUSE and network mounts) cannot
    // tell how full it is; reading its zeros as "0 bytes free" would refuse every download.
    if (stats.blocks === 0) return undefined;
    return { free: stats.bavail * stats.bsize, reserve: Math.min(reserveSetting, Math.floor((stats.blocks * stats.bsize) / 8)) };
  } catch {
    return undefined;
  }
}

/** Not enough room: how much the download needs (when known), how much is free, and what Tsuzuki keeps free. */
export function diskFullError(needed: number | undefined, room: DiskRoom, dir: string, cause?: unknown): DownloadError {
  const free = Math.max(0, room.free);
  return new DownloadError('ERR_DISK_FULL', {
    params: needed === undefined ? { variant: 'reserve', path: dir, free, reserve: room.reserve } : { variant: 'space', path: dir, needed, free, reserve: room.reserve },
    action: 'freeSpace',
    cause,
  });
}

/** Fails when `needed` more bytes would eat into the reserve; else returns the answer it had (none when it did not ask). */
export async function checkRoom(dir: string, needed: number, reserveSetting: number): Promise<DiskRoom | undefined> {
  if (needed <= 0) return undefined;
  const room = await diskRoom(dir, reserveSetting);
  if (room && needed > room.free - room.reserve) throw diskFullError(needed, room, dir);
  return room;
}

/** What an answer lets a download write before asking again: half the room above the reserve. */
function budgetOf(room: DiskRoom, atLeast: number): number {
  return Math.max(atLeast, Math.min(MAX_BUDGET, Math.floor((room.free - room.reserve) / 2)));
}

export class DiskGuard extends Transform {
  #dir: string;
  #reserve: number;
  /** Bytes this download still needs, when known (for the error). */
  #remaining: () => number | undefined;
  #budget = 0;
  #asking = false;

  /**
   * `answered`: what the disk said just before this body began (the size check of a new
   * download), used as the first answer: asking again at the first chunk was a second
   * statfs per file, which for 2,000 small files is 2,000 trips to the thread pool.
   */
  constructor(dir: string, reserve: number, remaining: () => number | undefined, answered?: DiskRoom) {
    super();
    this.#dir = dir;
    this.#reserve = reserve;
    this.#remaining = remaining;
    if (answered) this.#budget = budgetOf(answered, 0);
  }

  // Chunks pass at once and the disk is asked in the background: holding a chunk back while
  // asking would leave the bytes behind it in the HTTP stream, which drops them when the
  // server then closes the connection. What passes during one question (a few milliseconds
  // of data) is far below the reserve.
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.#budget -= chunk.length;
    if (this.#budget < 0 && !this.#asking) this.#ask(chunk.length);
    callback(null, chunk);
  }

  #ask(chunkBytes: number): void {
    this.#asking = true;
    void diskRoom(this.#dir, this.#reserve).then((room) => {
      this.#asking = false;
      if (this.destroyed) return;
      if (!room) {
        this.#budget = MAX_BUDGET;
        return;
      }
      const above = room.free - room.reserve;
      if (above < chunkBytes) return void this.destroy(diskFullError(this.#remaining(), room, this.#dir));
      this.#budget = budgetOf(room, chunkBytes);
    });
  }
}
