// Runs a command under GNU time for its wall time and peak RSS (the largest of the
// process and its children), with an optional time limit.

import { spawn } from 'node:child_process';

export interface Measurement {
  seconds: number;
  peakRssKiB: number;
  ok: boolean;
  detail: string;
}

export function measure(argv: string[], options: { limitSeconds?: number; signal?: 'TERM' | 'INT'; cwd?: string } = {}): Promise<Measurement> {
  const limit = options.limitSeconds ? ['timeout', '-s', options.signal ?? 'TERM', String(options.limitSeconds)] : [];
  return new Promise((resolve) => {
    const child = spawn('/usr/bin/time', ['-f', '__TIME__ %e %M', ...limit, ...argv], { cwd: options.cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    child.on('close', (code) => {
      const match = /__TIME__ ([\d.]+) (\d+)/.exec(stderr);
      const timedOut = options.limitSeconds !== undefined;
      const detail = stderr.replace(/__TIME__.*\n?/, '').trim().split('\n')[0] ?? '';
      resolve({
        seconds: match ? Number(match[1]) : Number.NaN,
        peakRssKiB: match ? Number(match[2]) : Number.NaN,
        ok: code === 0 || (timedOut && code === 124),
        detail: code === 0 ? '' : `exit ${code}${detail ? `: ${detail}` : ''}`,
      });
    });
  });
}

export function median(values: number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
