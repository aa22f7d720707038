// Runs the real CLI as a child process, on the same Node as the tests.

import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const CLI = path.resolve(import.meta.dirname, '../../bin/tsuzuki.js');

export interface CliRun {
  child: ChildProcess;
  result: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** English unless a test asks for another language: the words must not depend on the machine's locale. */
const ENGLISH = { LC_ALL: '', LC_MESSAGES: '', LANGUAGE: '', LANG: 'en_US.UTF-8' };

export function startCli(args: string[], env: NodeJS.ProcessEnv = {}): CliRun {
  const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...ENGLISH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk));
  const result = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, result };
}

export async function runCli(args: string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 30_000) {
  const run = startCli(args, env);
  const timer = setTimeout(() => run.child.kill('SIGKILL'), timeoutMs);
  try {
    return await run.result;
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves once the child's standard error has shown `pattern` (a line said while it runs). */
export function stderrShows(child: CliRun['child'], pattern: RegExp): Promise<void> {
  return new Promise((resolve) => {
    let seen = '';
    const look = (chunk: Buffer) => {
      seen += chunk;
      if (!pattern.test(seen)) return;
      child.stderr!.off('data', look);
      resolve();
    };
    child.stderr!.on('data', look);
  });
}
