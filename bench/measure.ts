// One timed run of one command, the same way for every tool: wall time measured here
// (hrtime around the whole run), peak RSS from GNU time (`%M`: the largest resident set of
// any process in the command's tree), a hard time limit from coreutils `timeout`, and the
// exit status with the first stderr line, so a failure is shown as it happened.
//
// The chain is `/usr/bin/time → timeout → command`. `timeout` puts the command in its own
// process group and signals that group at the limit; GNU time stays outside it, so it
// survives the stop and still reports the peak memory.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Run {
  /** Exit status of the command; 124 when `timeout` stopped it, 137 when it had to kill it. */
  status: number;
  /** Stopped by the time limit (a failure, unless the scenario stops commands on purpose). */
  stopped: boolean;
  seconds: number;
  peakRssKiB: number;
  firstStderrLine: string;
}

/** PIDs of the `/usr/bin/time` processes started here and still running. */
const running = new Set<number>();
const STDERR_CAP = 64 * 1024;
let serial = 0;

/** Set once the benchmark is being interrupted: no new run starts. */
export let interrupted = false;

export function run(argv: string[], options: { limitSeconds: number; cwd: string }): Promise<Run> {
  if (interrupted) return Promise.reject(new Error('interrupted'));
  // GNU time's report goes next to the run's folder, which is removed with the rest.
  const rssFile = path.join(path.dirname(options.cwd), `time-report-${++serial}`);
  const limit = String(Math.max(1, Math.ceil(options.limitSeconds)));
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-o', rssFile, '-f', '__PEAK_RSS_KIB__ %M', 'timeout', '-k', '5', '-s', 'TERM', limit, ...argv], {
      cwd: options.cwd,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    if (child.pid !== undefined) running.add(child.pid);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < STDERR_CAP) stderr += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (child.pid !== undefined) running.delete(child.pid);
      let timeReport = '';
      try {
        timeReport = fs.readFileSync(rssFile, 'utf8');
        fs.rmSync(rssFile, { force: true });
      } catch {
        // GNU time was killed before writing: no memory figure for this run.
      }
      const peak = /__PEAK_RSS_KIB__ (\d+)/.exec(timeReport);
      const status = code ?? 128 + (signal ? (os.constants.signals[signal] ?? 0) : 0);
      resolve({
        status,
        stopped: status === 124 || status === 137,
        seconds,
        peakRssKiB: peak ? Number(peak[1]) : Number.NaN,
        firstStderrLine:
          stderr
            .split('\n')
            .map((line) => line.trim())
            .find((line) => line !== '') ?? '',
      });
    });
  });
}

/**
 * Stops every command still running (used on Ctrl-C or SIGTERM of the benchmark): SIGTERM to
 * the `timeout` below each GNU time started here (it passes the signal on to its command, as
 * at its own limit), then SIGKILL to every process of those trees still there 8 s later.
 */
export async function stopRunning(): Promise<void> {
  interrupted = true;
  const roots = [...running];
  if (roots.length === 0) return;
  const victims = roots.flatMap((pid) => descendants(pid));
  for (const root of roots) for (const pid of descendants(root, 1)) signal(pid, 'SIGTERM');
  for (let waited = 0; waited < 8000 && victims.some(alive); waited += 100) await new Promise((r) => setTimeout(r, 100));
  for (const pid of [...victims, ...roots]) if (alive(pid)) signal(pid, 'SIGKILL');
}

/** The processes below `root` (down to `depth` levels), found through the parent PIDs in /proc. */
function descendants(root: number, depth = Infinity): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name, which is in parentheses and may contain spaces.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parentOf.set(Number(entry), Number(fields[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  const found: number[] = [];
  let level = [root];
  for (let d = 0; d < depth && level.length > 0; d++) {
    const next: number[] = [];
    for (const [pid, ppid] of parentOf) if (level.includes(ppid) && !found.includes(pid)) next.push(pid);
    found.push(...next);
    level = next;
  }
  return found;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Already gone.
  }
}

export function median(values: number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
