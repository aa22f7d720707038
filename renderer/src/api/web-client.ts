// The contract over the web host's WebSocket: the same TsuzukiApi the Electron preload
// exposes, so the rest of the renderer cannot tell the hosts apart. It reconnects with
// backoff; calls made while disconnected answer at once with an error, never hang.

import type { ClientFrame, EventName, EventPayloads, Result, ServerFrame, TsuzukiApi, WsPath } from '../../../main/contract.ts';

const WS_PATH: WsPath = '/ws';

type Listener = (payload: never) => void;
export type ConnectionState = 'connecting' | 'open' | 'closed';

const MAX_BACKOFF_MS = 5000;

export function createWebClient(onConnection: (state: ConnectionState) => void): TsuzukiApi {
  const listeners = new Map<EventName, Set<Listener>>();
  const pending = new Map<number, (result: Result<unknown>) => void>();
  let socket: WebSocket | undefined;
  let nextId = 1;
  let backoff = 250;

  const token = new URLSearchParams(location.search).get('token');
  const address = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${WS_PATH}${token ? `?token=${encodeURIComponent(token)}` : ''}`;

  const connect = () => {
    onConnection('connecting');
    const ws = new WebSocket(address);
    socket = ws;
    ws.onopen = () => {
      backoff = 250;
      onConnection('open');
    };
    ws.onmessage = (message) => {
      let frame: ServerFrame;
      try {
        frame = JSON.parse(String(message.data)) as ServerFrame;
      } catch {
        return;
      }
      if (frame.type === 'result') {
        pending.get(frame.id)?.(frame.result);
        pending.delete(frame.id);
      } else if (frame.type === 'event') {
        for (const listener of listeners.get(frame.event) ?? []) listener(frame.payload as never);
      }
    };
    ws.onclose = () => {
      for (const resolve of pending.values()) resolve(disconnected());
      pending.clear();
      onConnection('closed');
      setTimeout(connect, backoff);
      backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
    };
  };
  connect();

  return {
    invoke(command, args) {
      if (!socket || socket.readyState !== WebSocket.OPEN) return Promise.resolve(disconnected()) as never;
      const id = nextId++;
      const frame: ClientFrame = { type: 'invoke', id, command, args };
      return new Promise((resolve) => {
        pending.set(id, resolve as (result: Result<unknown>) => void);
        socket!.send(JSON.stringify(frame));
      });
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as Listener);
      listeners.set(event, set);
      return () => void set.delete(listener as Listener);
    },
  };
}

function disconnected(): Result<never> {
  return { ok: false, error: { code: 'ERR_INTERNAL', message: 'Not connected to Tsuzuki. Reconnecting…' } };
}
