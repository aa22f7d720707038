// The extension's door for a host that has no web server of its own (the desktop app): an
// HTTP server on 127.0.0.1 that serves only the extension endpoint. Its default port is the
// one `tsuzuki serve` uses, so the extension finds whichever Tsuzuki is running.

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createExtensionEndpoint, EXTENSION_PATH, type ExtensionEndpointOptions } from './endpoint.ts';

export const EXTENSION_PORT = 7890;
const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

export interface ExtensionListener {
  port: number;
  close(): Promise<void>;
}

export async function startExtensionListener(options: Omit<ExtensionEndpointOptions, 'isOwnHost'> & { port?: number }): Promise<ExtensionListener> {
  let port = options.port ?? EXTENSION_PORT;
  const endpoint = createExtensionEndpoint({ ...options, isOwnHost: (host) => isLoopbackHost(host, port) });
  const server = http.createServer((req, res) => {
    if (!(req.url ?? '').startsWith(EXTENSION_PATH)) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return void res.end();
    }
    endpoint(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A Host header naming this listener by a loopback name (a DNS-rebinding page names another). */
function isLoopbackHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  try {
    const url = new URL(`http://${host}`);
    return LOOPBACK_NAMES.has(url.hostname) && Number(url.port || 80) === port && url.host === host.toLowerCase();
  } catch {
    return false;
  }
}
