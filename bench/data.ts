// The files served, made at run time and never committed.
// Big files (the 1 GiB and 200 MiB ones, or their quick sizes) are kept between runs in the
// git-ignored .bench-data/ with their SHA-256 next to them, and reused when the size and the
// hash file are there; everything else lives in the run's temporary folder and goes with it.
// Big files are a random 1 MiB block repeated, with each MiB stamped with its index, so a
// segment written at the wrong offset changes the hash.

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const CACHE_DIR = path.resolve(import.meta.dirname, '../.bench-data');
const MiB = 1 << 20;

export interface Source {
  file: string;
  bytes: number;
  sha256: string;
}

/** A big file in the cache, linked into `www` under `name`. */
export function bigFile(www: string, name: string, bytes: number): Source {
  const cached = path.join(CACHE_DIR, `random-${bytes}.bin`);
  const hashFile = `${cached}.sha256`;
  let sha256 = fs.statSync(cached, { throwIfNoEntry: false })?.size === bytes ? readOr(hashFile) : '';
  if (!/^[0-9a-f]{64}$/.test(sha256)) sha256 = writeBigFile(cached, bytes);
  const served = path.join(www, name);
  fs.mkdirSync(path.dirname(served), { recursive: true });
  fs.rmSync(served, { force: true });
  fs.symlinkSync(cached, served);
  return { file: served, bytes, sha256 };
}

function writeBigFile(file: string, bytes: number): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.tmp`;
  const block = crypto.randomBytes(MiB);
  const hash = crypto.createHash('sha256');
  const fd = fs.openSync(partial, 'w');
  try {
    for (let offset = 0, index = 0; offset < bytes; offset += MiB, index++) {
      block.writeBigUInt64BE(BigInt(index), 0);
      const length = Math.min(MiB, bytes - offset);
      fs.writeSync(fd, block, 0, length);
      hash.update(block.subarray(0, length));
    }
  } finally {
    fs.closeSync(fd);
  }
  const sha256 = hash.digest('hex');
  fs.renameSync(partial, file);
  fs.writeFileSync(`${file}.sha256`, `${sha256}\n`);
  return sha256;
}

/** `count` random files of `bytes` each in `www/<dir>/`, named f0.bin, f1.bin, … */
export function smallFiles(www: string, dir: string, count: number, bytes: number): Map<string, Buffer> {
  const folder = path.join(www, dir);
  fs.mkdirSync(folder, { recursive: true });
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const content = crypto.randomBytes(bytes);
    fs.writeFileSync(path.join(folder, `f${i}.bin`), content);
    files.set(`f${i}.bin`, content);
  }
  return files;
}

/** One file served under `count` names (symlinks s0.bin, s1.bin, … in `www/<dir>/`). */
export function sameFileManyNames(www: string, dir: string, count: number, bytes: number): string[] {
  const folder = path.join(www, dir);
  fs.mkdirSync(folder, { recursive: true });
  const target = path.join(folder, 'source.bin');
  fs.writeFileSync(target, crypto.randomBytes(bytes));
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    fs.symlinkSync(target, path.join(folder, `s${i}.bin`));
    names.push(`${dir}/s${i}.bin`);
  }
  return names;
}

export async function sha256Of(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file, { highWaterMark: MiB })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function readOr(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return '';
  }
}
