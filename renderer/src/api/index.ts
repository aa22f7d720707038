// Which transport: the Electron preload's bridge when it is there, else the web host's
// socket. One connection per window, made once (outside React, so a re-render or
// StrictMode's double effects never open a second socket).

import type { TsuzukiApi } from '../../../main/contract.ts';
import { createWebClient, socketUrl, type ConnectionState } from './web-client.ts';

declare global {
  interface Window {
    /** Exposed by the Electron preload through contextBridge. */
    tsuzuki?: TsuzukiApi;
  }
}

export interface Connection {
  api: TsuzukiApi;
  state(): ConnectionState;
  subscribe(listener: () => void): () => void;
}

let connection: Connection | null = null;

export function getConnection(): Connection {
  connection ??= connect();
  return connection;
}

function connect(): Connection {
  const bridge = window.tsuzuki;
  if (bridge) return { api: bridge, state: () => 'open', subscribe: () => () => {} };
  let state: ConnectionState = 'connecting';
  const listeners = new Set<() => void>();
  const api = createWebClient({
    url: socketUrl(window.location),
    createSocket(url, events) {
      const ws = new WebSocket(url);
      ws.onopen = () => events.open();
      ws.onmessage = (message) => events.message(message.data);
      ws.onclose = () => events.close();
      return ws;
    },
    onConnection(next) {
      if (next === state) return;
      state = next;
      for (const listener of listeners) listener();
    },
  });
  return {
    api,
    state: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

/** True in the desktop app, where files can be opened and shown on this computer. */
export function isDesktop(): boolean {
  return Boolean(window.tsuzuki);
}

export type { ConnectionState };
