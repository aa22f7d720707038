// Ends a process the bench started, by its own handle: SIGTERM, then SIGKILL if it is still
// there after `limitMs`. Resolves once it has exited (at once if it already had).

import type { ChildProcess } from 'node:child_process';

export const hasExited = (child: ChildProcess): boolean => child.exitCode !== null || child.signalCode !== null;

export function stopChild(child: ChildProcess, limitMs: number): Promise<void> {
  if (hasExited(child)) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => hasExited(child) || child.kill('SIGKILL'), limitMs).unref();
  });
}
