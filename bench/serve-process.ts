// `tsuzuki serve` as the benchmark's child process: started on port 0 with its own state and
// download folders, its URL (token included) read from what it prints, its memory and CPU
// read from /proc/PID, and stopped by its PID (SIGTERM, which pauses the downloads and saves,
// then SIGKILL if it has not ended within 10 s).

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import type { TsuzukiCli } from './tools.ts';
import { hasExited, stopChild } from './stop-child.ts';

export interface ServeProcess {
  pid: number;
  /** `http://127.0.0.1:<port>/?token=…`: the page to open. */
  url: string;
  port: number;
  token: string;
  /** VmRSS and VmHWM (the kernel's peak of VmRSS), KiB. */
  memory(): { rssKiB: number; peakKiB: number };
  /** User + system CPU seconds used so far. */
  cpuSeconds(): number;
  stop(): Promise<void>;
  /** For process exit: SIGKILL by PID, synchronously. */
  kill(): void;
}

const URL_PATTERN = /(http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9_-]+))/;
const START_LIMIT_MS = 30_000;
const STOP_LIMIT_MS = 10_000;

export function startServe(cli: TsuzukiCli, options: { state: string; dir: string }): Promise<ServeProcess> {
  const child = spawn(cli.node, [cli.cli, 'serve', '--port', '0', '--state', options.state, '--dir', options.dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  const gone = () => hasExited(child);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    if (stderr.length < 16_384) stderr += chunk;
  });
  const stop = (): Promise<void> => stopChild(child, STOP_LIMIT_MS);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`tsuzuki serve printed no URL within ${START_LIMIT_MS / 1000} s: ${stderr.trim() || 'no message'}`));
    }, START_LIMIT_MS);
    let stdout = '';
    const onData = (chunk: Buffer) => {
      stdout += chunk;
      const match = URL_PATTERN.exec(stdout);
      if (!match) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      // Keep draining stdout so the child never blocks on a full pipe.
      child.stdout.resume();
      const pid = child.pid!;
      resolve({
        pid,
        url: match[1]!,
        port: Number(match[2]),
        token: match[3]!,
        memory: () => memoryOf(pid),
        cpuSeconds: () => cpuSecondsOf(pid),
        stop,
        kill: () => gone() || child.kill('SIGKILL'),
      });
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`tsuzuki serve exited at start (status ${code}): ${stderr.trim() || 'no message'}`));
    });
  });
}

function memoryOf(pid: number): { rssKiB: number; peakKiB: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rssKiB: field('VmRSS'), peakKiB: field('VmHWM') };
}

/** utime + stime from /proc/PID/stat (fields 14 and 15, in clock ticks of 1/100 s on Linux). */
function cpuSecondsOf(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may contain spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
