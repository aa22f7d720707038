// The command lines compared, each writing into a fresh folder so nothing is skipped as
// already there. Flags match across tools: same connections, same parallelism, no
// preallocation.

import fs from 'node:fs';
import path from 'node:path';

const CLI = path.resolve(import.meta.dirname, '../bin/tsuzuki.js');

export function freshDir(root: string, name: string): string {
  const dir = path.join(root, name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

export const tsuzuki = (dir: string, args: string[]) => [process.execPath, CLI, 'get', '--dir', path.join(dir, 'files'), '--state', path.join(dir, 'state'), '-q', ...args];
export const curl = (dir: string, url: string) => ['curl', '-s', '-f', '-o', path.join(dir, 'file'), url];
export const curlParallel = (dir: string, list: string) => ['curl', '-s', '-f', '-Z', '--parallel-max', '16', '--output-dir', dir, '--remote-name-all', '--config', list];
export const aria2c = (dir: string, args: string[]) => ['aria2c', '-q', '--file-allocation=none', '--allow-overwrite=true', '--auto-file-renaming=false', '-d', dir, ...args];
