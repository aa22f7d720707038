// One process per state folder: two processes continuing the same checkpoints would write
// the same part files and rename each other's results away. A lock file holds the owner's
// PID; a lock left by a process that died (kill -9, power loss) is taken over.

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DownloadError } from './errors.ts';
import { makePrivateFolder, PRIVATE_FILE_MODE } from './private-state.ts';

/** Locks this process holds: a second engine in the same process is refused too. */
const held = new Set<string>();

export class StateLock {
  readonly path: string;

  private constructor(lockPath: string) {
    this.path = lockPath;
  }

  static acquire(dir: string): StateLock {
    // The first thing to open the state folder: it is made private here, or tightened.
    makePrivateFolder(dir);
    const lockPath = path.join(dir, 'lock');
    if (held.has(lockPath)) {
      throw new DownloadError('ERR_STATE_LOCKED', { params: { pid: process.pid, dir }, action: 'closeOther' });
    }
    // The lock appears whole (link() of a file already holding our PID), so nobody ever
    // reads a half-written one and takes it for stale.
    const mine = `${lockPath}.${process.pid}.${crypto.randomBytes(4).toString('hex')}`;
    fs.writeFileSync(mine, String(process.pid), { mode: PRIVATE_FILE_MODE });
    try {
      for (let attempt = 0; attempt < 5; attempt++) {
        if (placeLock(mine, lockPath)) {
          held.add(lockPath);
          return new StateLock(lockPath);
        }
        const seen = readLock(lockPath);
        if (seen === undefined) continue;
        const owner = Number(seen.trim());
        if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner)) {
          throw new DownloadError('ERR_STATE_LOCKED', { params: { pid: owner, dir }, action: 'closeOther' });
        }
        takeOverStale(lockPath, seen);
      }
    } finally {
      fs.rmSync(mine, { force: true });
    }
    throw new DownloadError('ERR_INTERNAL', { params: { variant: 'lockFailed', dir } });
  }

  release(): void {
    held.delete(this.path);
    try {
      if (fs.readFileSync(this.path, 'utf8').trim() === String(process.pid)) fs.rmSync(this.path, { force: true });
    } catch {
      // Already gone: nothing to release.
    }
  }
}

/** Puts our lock in place; false when one is there already. */
function placeLock(mine: string, lockPath: string): boolean {
  try {
    fs.linkSync(mine, lockPath);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
  }
  // A file system without hard links: an exclusive create is the next best.
  try {
    fs.writeFileSync(lockPath, fs.readFileSync(mine), { flag: 'wx', mode: PRIVATE_FILE_MODE });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function readLock(lockPath: string): string | undefined {
  try {
    return fs.readFileSync(lockPath, 'utf8');
  } catch {
    return undefined; // gone meanwhile: try again
  }
}

/**
 * Removes the stale lock we read, and only that one: it is moved aside (atomically), and
 * if what was moved is not what we read (another process took the stale lock over first),
 * that newer lock is put back.
 */
function takeOverStale(lockPath: string, seen: string): void {
  const aside = `${lockPath}.stale.${process.pid}.${crypto.randomBytes(4).toString('hex')}`;
  try {
    fs.renameSync(lockPath, aside);
  } catch {
    return; // gone meanwhile: try again
  }
  try {
    if (readLock(aside) !== seen) fs.linkSync(aside, lockPath);
  } catch {
    // A third lock appeared meanwhile: it stands, and the next attempt reads it.
  } finally {
    fs.rmSync(aside, { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
