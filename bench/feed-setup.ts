// Fills a `tsuzuki serve` the way the window does, over the same WebSocket contract: the
// settings first (how many run at once), then every URL in one `add`, as a paste of many
// links sends them. The socket is closed afterwards, so only the page is fed while measuring.

import WebSocket from 'ws';
import type { Result, ServerFrame } from '../main/contract.ts';

const LIMIT_MS = 60_000;

export interface Filled {
  added: number;
  rejected: number;
  /** The first rejection's code, to show when something was refused. */
  firstRejection?: string;
  seconds: number;
}

export async function fillServe(port: number, token: string, settings: Record<string, unknown>, urls: string[]): Promise<Filled> {
  const started = performance.now();
  const socket = new WebSocket(`ws://127.0.0.1:${port}/ws?token=${token}`, { maxPayload: 256 * 1024 * 1024 });
  try {
    await within(new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject)), 'the socket to open');
    const pending = new Map<number, (result: Result<any>) => void>();
    socket.on('message', (data) => {
      const frame = JSON.parse(String(data)) as ServerFrame;
      if (frame.type === 'result') pending.get(frame.id)?.(frame.result);
    });
    let nextId = 1;
    const invoke = (command: string, args: unknown) => {
      const id = nextId++;
      const answer = new Promise<Result<any>>((resolve) => pending.set(id, resolve));
      socket.send(JSON.stringify({ type: 'invoke', id, command, args }));
      return within(answer, `an answer to ${command}`);
    };
    const set = await invoke('setSettings', settings);
    if (!set.ok) throw new Error(`setSettings was refused: ${JSON.stringify(set.error)}`);
    const add = await invoke('add', { urls });
    if (!add.ok) throw new Error(`add was refused: ${JSON.stringify(add.error)}`);
    const { added, rejected } = add.value as { added: string[]; rejected: { error: { code: string } }[] };
    return {
      added: added.length,
      rejected: rejected.length,
      ...(rejected[0] ? { firstRejection: rejected[0].error.code } : {}),
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    socket.terminate();
  }
}

function within<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no ${what} within ${LIMIT_MS / 1000} s`)), LIMIT_MS);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
