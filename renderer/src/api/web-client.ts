// The contract over the web host's WebSocket: the same TsuzukiApi the Electron preload
// exposes, so the rest of the window cannot tell the hosts apart.
//
// Frames (JSON text): the client sends {type:"invoke", id, command, args}; the server
// answers {type:"result", id, result} and pushes {type:"event", event, payload}.
// The socket reconnects with backoff when it drops; a call made while it is down answers
// at once with ERR_DISCONNECTED (never hangs), and so does a call cut off by a drop.

import { isEventName, WS_PATH } from '../../../main/contract-names.ts';
import type { ClientFrame, EventName, EventPayloads, Result, ServerFrame, TsuzukiApi } from '../../../main/contract.ts';

export type ConnectionState = 'connecting' | 'open' | 'reconnecting';

/** The part of a WebSocket the client uses, so it can run against a fake one in tests. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
}

/** What a socket reports back. `close` also covers a socket that failed to open. */
export interface SocketEvents {
  open(): void;
  message(data: unknown): void;
  close(): void;
}

export interface WebClientOptions {
  url: string;
  createSocket: (url: string, events: SocketEvents) => SocketLike;
  onConnection: (state: ConnectionState) => void;
  /** Delay before reconnect attempt `n` (1-based), ms. */
  backoff?: (attempt: number) => number;
  setTimer?: (run: () => void, ms: number) => unknown;
}

export interface WebClient extends TsuzukiApi {
  /** Stops reconnecting and closes the socket. */
  close(): void;
}

const OPEN = 1;

/** 250 ms, doubling to 5 s, with jitter so many windows do not reconnect in step. */
export function defaultBackoff(attempt: number): number {
  const base = Math.min(5000, 250 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.75 + Math.random() * 0.5));
}

/** The socket address for a page at `location`: same host, `/ws`, the page's token if it has one. */
export function socketUrl(location: { protocol: string; host: string; search: string }): string {
  const token = new URLSearchParams(location.search).get('token');
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}${WS_PATH}${token ? `?token=${encodeURIComponent(token)}` : ''}`;
}

export function disconnectedResult(): Result<never> {
  // ERR_DISCONNECTED is the web client's own code; the engine's codes never include it.
  return { ok: false, error: { code: 'ERR_DISCONNECTED' } };
}

export function createWebClient(options: WebClientOptions): WebClient {
  const backoff = options.backoff ?? defaultBackoff;
  const setTimer = options.setTimer ?? ((run: () => void, ms: number) => setTimeout(run, ms));
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  const pending = new Map<number, (result: Result<unknown>) => void>();
  let socket: SocketLike | null = null;
  let nextId = 1;
  let failures = 0;
  let everOpened = false;
  let closed = false;

  const connect = () => {
    if (closed) return;
    options.onConnection(everOpened ? 'reconnecting' : 'connecting');
    let ws: SocketLike | null = null;
    const events: SocketEvents = {
      open() {
        if (ws === null || socket !== ws) return;
        failures = 0;
        everOpened = true;
        options.onConnection('open');
      },
      message(data) {
        if (ws !== null && socket === ws) receive(data);
      },
      close() {
        if (ws === null || socket !== ws) return;
        socket = null;
        for (const resolve of pending.values()) resolve(disconnectedResult());
        pending.clear();
        scheduleReconnect();
      },
    };
    try {
      ws = options.createSocket(options.url, events);
    } catch {
      scheduleReconnect();
      return;
    }
    socket = ws;
  };

  const scheduleReconnect = () => {
    if (closed) return;
    failures += 1;
    if (everOpened) options.onConnection('reconnecting');
    setTimer(connect, backoff(failures));
  };

  const receive = (data: unknown) => {
    let frame: ServerFrame;
    try {
      frame = JSON.parse(String(data)) as ServerFrame;
    } catch {
      return;
    }
    if (!frame || typeof frame !== 'object') return;
    if (frame.type === 'result') {
      const resolve = pending.get(frame.id);
      if (!resolve) return;
      pending.delete(frame.id);
      resolve(frame.result);
    } else if (frame.type === 'event') {
      for (const listener of listeners.get(frame.event) ?? []) {
        try {
          listener(frame.payload as never);
        } catch (error) {
          // One broken listener must not starve the others of events.
          console.error(error);
        }
      }
    }
  };

  connect();

  return {
    invoke(command, args) {
      const ws = socket;
      if (!ws || ws.readyState !== OPEN) return Promise.resolve(disconnectedResult());
      const id = nextId++;
      const frame: ClientFrame = { type: 'invoke', id, command, args };
      return new Promise((resolve) => {
        pending.set(id, resolve as (result: Result<unknown>) => void);
        try {
          ws.send(JSON.stringify(frame));
        } catch {
          pending.delete(id);
          resolve(disconnectedResult());
        }
      });
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void) {
      // As the preload does: a typo in an event name is a bug to hear about, not silence.
      if (!isEventName(event)) throw new Error(`Unknown event "${String(event).slice(0, 80)}".`);
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: never) => void);
      listeners.set(event, set);
      return () => void set.delete(listener as (payload: never) => void);
    },
    close() {
      closed = true;
      const ws = socket;
      socket = null;
      for (const resolve of pending.values()) resolve(disconnectedResult());
      pending.clear();
      ws?.close();
    },
  };
}
