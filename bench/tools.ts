// The command lines compared. Every run gets a fresh folder `<run>/files` (and, for tsuzuki,
// `<run>/state`), so nothing is skipped as already there. Flags match across tools: same
// connections, same parallelism, no preallocation, no progress output.

import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** TSUZUKI_BENCH_CLI=path/to/tsuzuki.js measures another build (or a stand-in) instead. */
const CLI = path.resolve(process.env['TSUZUKI_BENCH_CLI'] ?? path.join(import.meta.dirname, '../bin/tsuzuki.js'));

export const filesOf = (runDir: string) => path.join(runDir, 'files');

export interface TsuzukiCli {
  /** The project's Node (24, which runs the .ts sources) and the CLI entry. */
  node: string;
  cli: string;
  exists: boolean;
  /** `-q` when `tsuzuki get --help` lists it (progress bars cost time and are not wanted). */
  quiet: boolean;
  /** Flags the benchmark uses that `tsuzuki get --help` does not mention (they may still work). */
  unlisted: string[];
}

export function probeTsuzuki(): TsuzukiCli {
  const exists = fs.existsSync(CLI);
  let help = '';
  if (exists) {
    try {
      help = execFileSync(process.execPath, [CLI, 'get', '--help'], { encoding: 'utf8', timeout: 20_000, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      help = String((error as { stdout?: string }).stdout ?? '');
    }
  }
  const used = ['--dir', '--state', '--connections', '--max-concurrent', '--input'];
  return { node: process.execPath, cli: CLI, exists, quiet: /--quiet\b/.test(help), unlisted: used.filter((flag) => !help.includes(flag)) };
}

export function tsuzuki(cli: TsuzukiCli, runDir: string, args: string[]): string[] {
  return [cli.node, cli.cli, 'get', ...args, '--dir', filesOf(runDir), '--state', path.join(runDir, 'state'), ...(cli.quiet ? ['-q'] : [])];
}

export const curl = (runDir: string, url: string) => ['curl', '-s', '-f', '-o', path.join(filesOf(runDir), path.posix.basename(new URL(url).pathname)), url];

/** curl, then `sync FILE` (fsync of that file): the durable peer. */
export const curlThenSync = (runDir: string, url: string) => {
  const file = path.join(filesOf(runDir), path.posix.basename(new URL(url).pathname));
  return ['sh', '-c', 'curl -s -f -o "$0" "$1" && sync "$0"', file, url];
};

/** The same bytes written the way tsuzuki writes them, from the cached source, with no network (bench/disk-alone.ts). */
export const diskAlone = (runDir: string, source: string, name: string) => [
  process.execPath, path.join(import.meta.dirname, 'disk-alone.ts'), source, path.join(filesOf(runDir), name),
];

/** `list` has one URL a line; see got-alone.ts. */
export const gotAlone = (runDir: string, list: string, parallel: number) => [
  process.execPath, path.join(import.meta.dirname, 'got-alone.ts'), list, filesOf(runDir), String(parallel),
];

/** `list` is a curl config file with one `url = "…"` line per download. */
export const curlParallel = (runDir: string, list: string, parallel: number) => [
  'curl', '-s', '-f', '-Z', '--parallel-max', String(parallel), '--output-dir', filesOf(runDir), '--remote-name-all', '--config', list,
];

export const aria2c = (runDir: string, args: string[]) => [
  'aria2c', '-q', '--file-allocation=none', '--allow-overwrite=true', '--auto-file-renaming=false', '-d', filesOf(runDir), ...args,
];

/** The version number a tool prints, for the report. */
export function versionOf(argv: string[]): string {
  const result = spawnSync(argv[0]!, argv.slice(1), { encoding: 'utf8', timeout: 10_000 });
  // nginx -v answers on stderr.
  return /\d+\.\d+(\.\d+)?/.exec(`${result.stdout ?? ''}${result.stderr ?? ''}`)?.[0] ?? 'unknown';
}
