// Starts bench/capped-server.ts as a child process on the project's Node and stops it by PID.

import { spawn } from 'node:child_process';
import path from 'node:path';
import { hasExited, stopChild } from './stop-child.ts';

export interface CappedServer {
  pid: number;
  origin: string;
  stop(): Promise<void>;
  kill(): void;
}

const SCRIPT = path.resolve(import.meta.dirname, 'capped-server.ts');

export function startCappedServer(root: string, rate: number): Promise<CappedServer> {
  const child = spawn(process.execPath, [SCRIPT, '--root', root, '--rate', String(rate)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  const gone = () => hasExited(child);
  const stop = (): Promise<void> => stopChild(child, 3000);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`the capped server did not start within 10 s: ${stderr.trim() || 'no message'}`));
    }, 10_000);
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk;
      const match = /listening (\d+)/.exec(stdout);
      if (!match) return;
      clearTimeout(timer);
      resolve({ pid: child.pid!, origin: `http://127.0.0.1:${match[1]}`, stop, kill: () => gone() || child.kill('SIGKILL') });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the capped server exited at start (status ${code}): ${stderr.trim() || 'no message'}`));
    });
  });
}
