// The `.part` file a download writes into: opened once per run, written with positional
// writes (so several connections can fill it at once and a resume never appends blindly),
// flushed with fdatasync only when a checkpoint is about to record progress.
// Nothing planted in the folder is followed: a part file is opened with O_NOFOLLOW and
// checked on its descriptor (a regular file with one name, the very file this item made),
// so a `.part` swapped for a link to a file elsewhere is never written through; such an
// entry is removed (the link itself, never its target) and a fresh file made in its place.
// While a run writes, the file is watched for what others do to it (see `#checkIntact`).

import fs from 'node:fs';
import { promisify } from 'node:util';
import { DownloadError, systemCode } from './errors.ts';
import { Writeback } from './writeback.ts';

const fdatasync = promisify(fs.fdatasync);
const ftruncate = promisify(fs.ftruncate);
const close = promisify(fs.close);
const writev = promisify(fs.writev);
const open = promisify(fs.open);

/** How often, at most, a writing download looks up its path to see the file is still there. */
const PLACE_CHECK_MS = 1000;

const { O_RDWR, O_CREAT, O_EXCL } = fs.constants;
// Windows has no O_NOFOLLOW; there, O_EXCL still refuses an existing entry of any kind.
const O_NOFOLLOW = fs.constants.O_NOFOLLOW ?? 0;
const CREATE_FLAGS = O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW;

export class PartFile {
  readonly path: string;
  readonly fd: number;
  /** The file's identity (inode), recorded so a later run can tell it from a swapped one. */
  readonly ino: number;
  #closed = false;
  #writeback: Writeback;
  /** Writes begun so far. */
  #writes = 0;
  /** `#writes` when the last completed fdatasync began: still equal when nothing was written since. */
  #syncedThrough = -1;
  /** Where the furthest byte written ends (or the size found when opened): while it is ours, the file is never shorter. */
  #extent: number;
  /** Set once another program cut the file short (its size then) or removed it (0): no byte from here on may be counted. */
  #lostFrom: number | undefined;
  #placeCheckedAt = 0;

  private constructor(path: string, fd: number) {
    this.path = path;
    this.fd = fd;
    const stat = fs.fstatSync(fd);
    this.ino = stat.ino;
    this.#extent = stat.size;
    this.#writeback = new Writeback(fd);
  }

  /** Creates the file, failing with EEXIST if it is there: this is how a name is claimed. */
  static async createExclusive(path: string): Promise<PartFile> {
    // Off the main thread: with many short downloads, a synchronous create per file adds
    // up. (A raw descriptor: a FileHandle would close it when garbage collected.)
    // O_EXCL with O_CREAT fails on any existing entry, a symbolic link (even a dangling one) included.
    return new PartFile(path, await open(path, CREATE_FLAGS, 0o644));
  }

  /**
   * Opens this item's part file to continue it (`ino`: the identity recorded when it was
   * made), or makes a fresh one when it is missing or is not that file: a link, a file with
   * other names, another file put in its place. `existed` says whether its bytes count.
   */
  static openOrCreate(path: string, ino?: number): { file: PartFile; existed: boolean; replaced: boolean } {
    let fd: number | undefined;
    let replaced = false;
    try {
      fd = fs.openSync(path, O_RDWR | O_NOFOLLOW);
      const stat = fs.fstatSync(fd);
      if (stat.isFile() && stat.nlink === 1 && (ino === undefined || stat.ino === ino)) return { file: new PartFile(path, fd), existed: true, replaced };
      fs.closeSync(fd);
      fd = undefined;
      replaced = true;
      fs.unlinkSync(path);
    } catch (error) {
      if (fd !== undefined) fs.closeSync(fd);
      const code = (error as NodeJS.ErrnoException).code;
      // ELOOP: a symbolic link (EMLINK on some BSDs); remove the link itself, never its target.
      if (code === 'ELOOP' || code === 'EMLINK') {
        removeEntry(path);
        replaced = true;
      } else if (code !== 'ENOENT') {
        throw writeError(error, path);
      }
    }
    try {
      return { file: new PartFile(path, fs.openSync(path, CREATE_FLAGS, 0o644)), existed: false, replaced };
    } catch (error) {
      throw writeError(error, path);
    }
  }

  /** Writes every buffer at `position`, looping over short writes. */
  async writeAt(buffers: Buffer[], position: number): Promise<void> {
    await this.#checkIntact();
    let pending = buffers;
    let at = position;
    this.#writes += 1;
    while (pending.length > 0) {
      let written: number;
      try {
        ({ bytesWritten: written } = await writev(this.fd, pending, at));
      } catch (error) {
        throw writeError(error, this.path);
      }
      at += written;
      pending = dropBytes(pending, written);
      this.#writeback.written(written);
    }
    this.#extent = Math.max(this.#extent, at);
  }

  /**
   * Bytes from here on are not the ones written (another program cut the file short, or
   * removed or moved it); undefined while the file is intact. What is recorded stops here.
   */
  get lostFrom(): number | undefined {
    return this.#lostFrom;
  }

  /**
   * Refuses to write into a file someone else changed under us. A write past a cut would
   * make the file long again, with zeros where the cut bytes were, and its size would then
   * pass the final check; a file removed (or moved with its folder) would take every byte
   * still to come with it, found only at the final move. The descriptor is asked before
   * each write (microseconds: a cut, or no name left); the path, once a second, off the
   * main thread (the name now another file: the folder moved or replaced).
   */
  async #checkIntact(): Promise<void> {
    if (this.#lostFrom !== undefined) throw this.#lost();
    const stat = fs.fstatSync(this.fd);
    if (stat.nlink === 0) this.#lostFrom = 0;
    else if (stat.size < this.#extent) this.#lostFrom = stat.size;
    else if (Date.now() - this.#placeCheckedAt >= PLACE_CHECK_MS) {
      this.#placeCheckedAt = Date.now();
      const entry = await fs.promises.lstat(this.path).catch(() => undefined);
      if (entry?.ino !== stat.ino || entry.dev !== stat.dev) this.#lostFrom = 0;
    }
    if (this.#lostFrom !== undefined) throw this.#lost();
  }

  #lost(): DownloadError {
    // Cut short, the bytes before the cut are still this file's: a resume continues from there.
    const cut = this.#lostFrom! > 0;
    return new DownloadError('ERR_WRITE', { params: { path: this.path, variant: cut ? 'partCut' : 'partGone' }, action: cut ? 'resume' : 'retry' });
  }

  async sync(): Promise<void> {
    if (this.#closed) return;
    try {
      await this.#writeback.settle();
      this.#writeback.syncing();
      const covered = this.#writes;
      await fdatasync(this.fd);
      this.#syncedThrough = covered;
    } catch (error) {
      throw writeError(error, this.path);
    }
  }

  async truncate(length: number): Promise<void> {
    await ftruncate(this.fd, length);
    this.#extent = length;
  }

  /**
   * The size on disk. Asked on the descriptor itself, on the main thread: no path is looked
   * up and no folder lock taken, so it costs microseconds, where a trip to the thread pool
   * cost 30–120 µs of main thread a call with many small downloads (both cores busy).
   */
  size(): number {
    return fs.fstatSync(this.fd).size;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    // A background sync still running must not outlive the descriptor (a reused number would be another file).
    await this.#writeback.settle().catch(() => {});
    // With nothing unsynced, a close has nothing to write back, even on a network file system
    // (which writes dirty pages back on close): at once, like `size`. Else in the pool.
    if (this.#syncedThrough === this.#writes) fs.closeSync(this.fd);
    else await close(this.fd);
  }

  /** Removes the `.part` name if it is still this file (another program may have put its own there). */
  async removeIfOurs(): Promise<void> {
    const entry = await fs.promises.lstat(this.path).catch(() => undefined);
    if (entry?.isFile() && entry.ino === this.ino) await fs.promises.rm(this.path, { force: true }).catch(() => {});
  }

  get closed(): boolean {
    return this.#closed;
  }
}

function removeEntry(path: string): void {
  try {
    fs.unlinkSync(path);
  } catch (error) {
    throw writeError(error, path);
  }
}

function dropBytes(buffers: Buffer[], count: number): Buffer[] {
  let left = count;
  const rest: Buffer[] = [];
  for (const buffer of buffers) {
    if (left >= buffer.length) {
      left -= buffer.length;
      continue;
    }
    rest.push(left > 0 ? buffer.subarray(left) : buffer);
    left = 0;
  }
  return rest;
}

/** Turns file-system errors into ones a person can act on. */
export function writeError(error: unknown, path: string): DownloadError {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new DownloadError('ERR_DISK_FULL', { params: { path }, action: 'freeSpace', cause: error });
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new DownloadError('ERR_FOLDER', { params: { path, detail: code }, action: 'chooseFolder', cause: error });
  }
  return new DownloadError('ERR_WRITE', { params: { path, detail: systemCode(error) }, action: 'checkDisk', cause: error });
}
