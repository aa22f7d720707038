// The `.part` file a download writes into: opened once per run, written with positional
// writes (so several connections can fill it at once and a resume never appends blindly),
// flushed with fdatasync only when a checkpoint is about to record progress.

import fs from 'node:fs';
import { promisify } from 'node:util';
import { DownloadError, systemCode } from './errors.ts';

const fdatasync = promisify(fs.fdatasync);
const ftruncate = promisify(fs.ftruncate);
const fstat = promisify(fs.fstat);
const close = promisify(fs.close);
const writev = promisify(fs.writev);
const open = promisify(fs.open);

export class PartFile {
  readonly path: string;
  readonly fd: number;
  #closed = false;

  private constructor(path: string, fd: number) {
    this.path = path;
    this.fd = fd;
  }

  /** Creates the file, failing with EEXIST if it is there: this is how a name is claimed. */
  static async createExclusive(path: string): Promise<PartFile> {
    // Off the main thread: with many short downloads, a synchronous create per file adds
    // up. (A raw descriptor: a FileHandle would close it when garbage collected.)
    return new PartFile(path, await open(path, 'wx', 0o644));
  }

  /** Opens an existing part file to continue it, or creates it when it has gone missing. */
  static openOrCreate(path: string): { file: PartFile; existed: boolean } {
    try {
      return { file: new PartFile(path, fs.openSync(path, 'r+')), existed: true };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw writeError(error, path);
      return { file: new PartFile(path, fs.openSync(path, 'w+', 0o644)), existed: false };
    }
  }

  /** Writes every buffer at `position`, looping over short writes. */
  async writeAt(buffers: Buffer[], position: number): Promise<void> {
    let pending = buffers;
    let at = position;
    while (pending.length > 0) {
      let written: number;
      try {
        ({ bytesWritten: written } = await writev(this.fd, pending, at));
      } catch (error) {
        throw writeError(error, this.path);
      }
      at += written;
      pending = dropBytes(pending, written);
    }
  }

  async sync(): Promise<void> {
    if (this.#closed) return;
    try {
      await fdatasync(this.fd);
    } catch (error) {
      throw writeError(error, this.path);
    }
  }

  async truncate(length: number): Promise<void> {
    await ftruncate(this.fd, length);
  }

  async size(): Promise<number> {
    return (await fstat(this.fd)).size;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await close(this.fd);
  }

  get closed(): boolean {
    return this.#closed;
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
