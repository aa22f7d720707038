// Which transport: the Electron preload's bridge when present, else the web host's socket.

import type { TsuzukiApi } from '../../../main/contract.ts';
import { createWebClient, type ConnectionState } from './web-client.ts';

declare global {
  interface Window {
    tsuzuki?: TsuzukiApi;
  }
}

export function connectApi(onConnection: (state: ConnectionState) => void): TsuzukiApi {
  if (window.tsuzuki) {
    onConnection('open');
    return window.tsuzuki;
  }
  return createWebClient(onConnection);
}

export type { ConnectionState };
