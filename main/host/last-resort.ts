// The last line of defence of a host process. The engine handles every error it knows of;
// should one still escape (a library emitting 'error' with nobody listening, a rejected
// promise nobody awaited), Node's default would end the process, and with it every other
// download (the desktop app would show a crash dialog). Instead one line is logged and the
// process carries on: the downloads that were not involved keep running, and their
// checkpoints keep being written.

import { errorName } from '../engine/errors.ts';

/** `line` is for logs (English); `detail` is the facts alone, for a host that words them itself. */
export type LastResortLog = (line: string, detail: string) => void;

let installed: LastResortLog | undefined;

/** Installs the handlers once per process; a later call only changes where the line goes. */
export function installLastResort(log: LastResortLog): void {
  const first = installed === undefined;
  installed = log;
  if (!first) return;
  process.on('uncaughtException', (error) => installed?.(lastResortLine(error), lastResortDetail(error)));
  process.on('unhandledRejection', (reason) => installed?.(lastResortLine(reason), lastResortDetail(reason)));
}

/** One line for logs (English), without a stack: `ECONNRESET: socket hang up`, the code and the first line of the message. */
export function lastResortLine(error: unknown): string {
  const code = typeof (error as { code?: unknown })?.code === 'string' ? `${(error as { code: string }).code}: ` : '';
  const message = error instanceof Error ? error.message : String(error);
  return `unexpected error (${code}${message.split('\n')[0]!.slice(0, 300)}); the other downloads continue`;
}

/** The facts alone for a host that words them (`ECONNRESET`, `TypeError`): never the English message. */
export function lastResortDetail(error: unknown): string {
  return errorName(error);
}
