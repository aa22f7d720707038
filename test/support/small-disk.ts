// A real small disk: a tmpfs of a given size under /mnt (or a ramfs, which keeps no extended
// attributes), holding a download folder and a state folder, unmounted in teardown.
// Mounting needs privileges; the mount functions return undefined where it is not allowed,
// and the test skips with that reason.

import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface SmallDisk {
  root: string;
  downloads: string;
  state: string;
  /** Takes space away: a file of `bytes` outside the two folders. */
  fill(bytes: number): string;
  /** Takes all the space left (whatever others write meanwhile): a file outside the two folders. */
  fillUp(): string;
  unmount(): void;
}

export function mountSmallDisk(sizeBytes: number): SmallDisk | undefined {
  return mountDisk(['-t', 'tmpfs', '-o', `size=${sizeBytes}`, 'tmpfs']);
}

/**
 * A disk that keeps no extended attributes: ramfs refuses them (ENOTSUP), as FAT and some
 * network mounts do, while tmpfs keeps `user.*` ones since Linux 6.6. It has no size limit.
 */
export function mountDiskWithoutXattrs(): SmallDisk | undefined {
  return mountDisk(['-t', 'ramfs', 'ramfs']);
}

function mountDisk(mountArgs: string[]): SmallDisk | undefined {
  const root = `/mnt/tsz-harden-${crypto.randomBytes(4).toString('hex')}`;
  try {
    fs.mkdirSync(root, { recursive: true });
    execFileSync('mount', [...mountArgs, root], { stdio: 'ignore' });
  } catch {
    fs.rmSync(root, { recursive: true, force: true });
    return undefined;
  }
  const downloads = path.join(root, 'downloads');
  const state = path.join(root, 'state');
  fs.mkdirSync(downloads);
  return {
    root,
    downloads,
    state,
    fill(bytes) {
      const filler = path.join(root, `filler-${crypto.randomBytes(3).toString('hex')}`);
      const fd = fs.openSync(filler, 'w');
      try {
        const block = Buffer.alloc(1 << 20, 1);
        for (let left = bytes; left > 0; left -= block.length) fs.writeSync(fd, block, 0, Math.min(block.length, left));
      } finally {
        fs.closeSync(fd);
      }
      return filler;
    },
    fillUp() {
      const filler = path.join(root, `filler-${crypto.randomBytes(3).toString('hex')}`);
      const fd = fs.openSync(filler, 'w');
      const block = Buffer.alloc(64 * 1024, 1);
      try {
        // Bounded by the disk's own size: it stops at ENOSPC long before.
        const { blocks, bsize } = fs.statfsSync(root);
        for (let written = 0; written <= blocks * bsize; written += block.length) fs.writeSync(fd, block);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      } finally {
        fs.closeSync(fd);
      }
      return filler;
    },
    unmount() {
      execFileSync('umount', ['-l', root], { stdio: 'ignore' });
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

export const CANNOT_MOUNT = 'cannot mount a small tmpfs here (needs root), so a full disk cannot be made';
export const CANNOT_MOUNT_RAMFS = 'cannot mount a ramfs here (needs root), so a disk that refuses extended attributes cannot be made';
