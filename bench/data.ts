// Benchmark files, made at run time in the git-ignored .bench-data/ (never committed).
// A big file is kept between runs when it already has the right size.

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const DATA_DIR = path.resolve(import.meta.dirname, '../.bench-data');

export function bigFile(name: string, bytes: number): string {
  const file = path.join(DATA_DIR, 'www', name);
  if (fs.statSync(file, { throwIfNoEntry: false })?.size === bytes) return file;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const block = crypto.randomBytes(1 << 20);
  const fd = fs.openSync(file, 'w');
  try {
    for (let written = 0; written < bytes; written += block.length) fs.writeSync(fd, block, 0, Math.min(block.length, bytes - written));
  } finally {
    fs.closeSync(fd);
  }
  return file;
}

export function smallFiles(count: number, bytes: number): string[] {
  const dir = path.join(DATA_DIR, 'www', 'small');
  fs.mkdirSync(dir, { recursive: true });
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const name = `f${i}.bin`;
    const file = path.join(dir, name);
    if (fs.statSync(file, { throwIfNoEntry: false })?.size !== bytes) fs.writeFileSync(file, crypto.randomBytes(bytes));
    names.push(`small/${name}`);
  }
  return names;
}
