// A WebSocket client of the web host as a test drives it: commands by id, every frame kept,
// waits on frames (never on time), and raw sends for floods and stalls.

import WebSocket from 'ws';
import type { ErrorInfo, ItemSnapshot, ServerFrame } from '../../main/contract.ts';

/** A result envelope as a test reads it: `value` when ok, `error` when not. */
export type Answer = { ok: boolean; value?: any; error?: ErrorInfo };
import { withTimeout } from './manager.ts';

export class SocketClient {
  readonly socket: WebSocket;
  readonly frames: ServerFrame[] = [];
  readonly closed: Promise<number>;
  #nextId = 1;
  #waiters = new Set<() => void>();

  private constructor(socket: WebSocket) {
    this.socket = socket;
    socket.on('message', (data) => {
      this.frames.push(JSON.parse(String(data)) as ServerFrame);
      for (const check of this.#waiters) check();
    });
    socket.on('error', () => {});
    this.closed = new Promise((resolve) => socket.on('close', (code) => resolve(code)));
  }

  /** Opens `ws://host:port/ws` with the token in the query (a script's way in) or the given headers. */
  static async open(port: number, auth: { token?: string; headers?: Record<string, string> }): Promise<SocketClient> {
    const query = auth.token ? `?token=${auth.token}` : '';
    const socket = new WebSocket(`ws://127.0.0.1:${port}/ws${query}`, { headers: auth.headers ?? {} });
    await withTimeout(new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject)), 5000, 'socket did not open');
    return new SocketClient(socket);
  }

  /** Sends one command; resolves with its result. */
  async invoke(command: string, args: unknown = {}): Promise<Answer> {
    const [id] = this.send([[command, args]]);
    const frame = await this.waitFor((f) => f.type === 'result' && f.id === id, `a result for ${command}`);
    return (frame as { result: Answer }).result;
  }

  /** Sends commands in one write to the socket (the host reads them in one go); returns their ids. */
  send(commands: [string, unknown][]): number[] {
    const ids = commands.map(() => this.#nextId++);
    const raw = (this.socket as unknown as { _socket: import('node:net').Socket })._socket;
    raw.cork();
    commands.forEach(([command, args], i) => this.socket.send(JSON.stringify({ type: 'invoke', id: ids[i], command, args })));
    process.nextTick(() => raw.uncork());
    return ids;
  }

  /** The results of these ids, in the same order, once all have come. */
  async results(ids: number[], timeoutMs = 10_000): Promise<Answer[]> {
    const byId = () => {
      const found = new Map<number, Answer>();
      for (const f of this.frames) if (f.type === 'result') found.set(f.id, f.result);
      return ids.every((id) => found.has(id)) ? ids.map((id) => found.get(id)!) : undefined;
    };
    return this.waitUntil(byId, `${ids.length} results`, timeoutMs);
  }

  waitFor(test: (frame: ServerFrame) => boolean, what: string, timeoutMs = 10_000): Promise<ServerFrame> {
    return this.waitUntil(() => this.frames.find(test), what, timeoutMs);
  }

  /** Resolves with the first truthy answer of `check`, asked at every frame. */
  waitUntil<T>(check: () => T | undefined | false, what: string, timeoutMs = 10_000): Promise<T> {
    let test = () => {};
    const found = new Promise<T>((resolve) => {
      test = () => {
        const answer = check();
        if (answer) resolve(answer);
      };
      this.#waiters.add(test);
      test();
    });
    return withTimeout(found, timeoutMs, `no ${what}`).finally(() => this.#waiters.delete(test));
  }

  /** Stops reading from the connection: what the host sends piles up in its buffers. */
  stopReading(): void {
    (this.socket as unknown as { _socket: import('node:net').Socket })._socket.pause();
  }

  close(): void {
    this.socket.terminate();
  }
}

/** The latest snapshot of each item the client was told about, from its `items` events. */
export function latestItems(client: SocketClient): Map<string, ItemSnapshot> {
  const latest = new Map<string, ItemSnapshot>();
  for (const frame of client.frames) {
    if (frame.type !== 'event' || frame.event !== 'items') continue;
    for (const item of frame.payload.changed) latest.set(item.id, item);
    for (const id of frame.payload.removed) latest.delete(id);
  }
  return latest;
}

/** Resolves when every id's latest snapshot passes `test`. */
export function waitForItems(client: SocketClient, ids: string[], test: (item: ItemSnapshot) => boolean, what: string, timeoutMs = 15_000): Promise<ItemSnapshot[]> {
  return client.waitUntil(() => {
    const latest = latestItems(client);
    const items = ids.map((id) => latest.get(id));
    return items.every((item) => item && test(item)) ? (items as ItemSnapshot[]) : undefined;
  }, what, timeoutMs);
}
