// Drives a `tsuzuki serve` the way the window does, over the same WebSocket contract: the
// settings first (how many run at once), then every URL in one `add`, as a paste of many
// links sends them; later `pauseAll`. Each use opens its own socket and closes it, so only
// the page is fed while measuring.

import WebSocket from 'ws';
import type { Result, ServerFrame } from '../main/contract.ts';

const LIMIT_MS = 60_000;

export interface Filled {
  added: number;
  rejected: number;
  /** The first rejection's code, to show when something was refused. */
  firstRejection?: string;
}

export function fillServe(port: number, token: string, settings: Record<string, unknown>, urls: string[]): Promise<Filled> {
  return withContract(port, token, async (invoke) => {
    await invoke('setSettings', settings);
    const { added, rejected } = (await invoke('add', { urls })) as { added: string[]; rejected: { error: { code: string } }[] };
    return { added: added.length, rejected: rejected.length, ...(rejected[0] ? { firstRejection: rejected[0].error.code } : {}) };
  });
}

export function pauseAll(port: number, token: string): Promise<void> {
  return withContract(port, token, async (invoke) => void (await invoke('pauseAll', {})));
}

type Invoke = (command: string, args: unknown) => Promise<unknown>;

/** Opens a socket, hands `use` a command caller that throws on a refusal, and closes the socket. */
async function withContract<T>(port: number, token: string, use: (invoke: Invoke) => Promise<T>): Promise<T> {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/ws?token=${token}`, { maxPayload: 256 * 1024 * 1024 });
  try {
    await within(new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject)), 'the socket to open');
    const pending = new Map<number, (result: Result<unknown>) => void>();
    socket.on('message', (data) => {
      const frame = JSON.parse(String(data)) as ServerFrame;
      if (frame.type === 'result') pending.get(frame.id)?.(frame.result);
    });
    let nextId = 1;
    return await use(async (command, args) => {
      const id = nextId++;
      const answer = new Promise<Result<unknown>>((resolve) => pending.set(id, resolve));
      socket.send(JSON.stringify({ type: 'invoke', id, command, args }));
      const result = await within(answer, `an answer to ${command}`);
      if (!result.ok) throw new Error(`${command} was refused: ${JSON.stringify(result.error)}`);
      return result.value;
    });
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
