// app://tsuzuki/ serves the built renderer with its Content-Security-Policy as a response
// header. The scheme is registered as privileged (standard and secure: an origin of its own
// and a secure context) before the app is ready, as Electron requires.

import { protocol } from 'electron';
import fs from 'node:fs';
import { APP_SCHEME, resolveAppRequest } from '../host/app-protocol.ts';
import { contentSecurityPolicy } from '../host/page-policy.ts';

export function registerAppScheme(): void {
  // The page and its modules share the app://tsuzuki origin, so no CORS privilege is needed;
  // corsEnabled would let other origins read these files without any CORS check.
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, allowServiceWorkers: false, stream: false } }]);
}

export function serveApp(rendererDir: string): void {
  const policy = contentSecurityPolicy({ ipcOnly: true });
  protocol.handle(APP_SCHEME, async (request) => {
    const target = resolveAppRequest(request.url, rendererDir);
    if (!target.ok) return new Response(null, { status: target.status });
    try {
      const body = await fs.promises.readFile(target.file);
      return new Response(body, {
        headers: { 'content-type': target.contentType, 'content-security-policy': policy, 'x-content-type-options': 'nosniff', 'cache-control': 'no-cache' },
      });
    } catch {
      return new Response(null, { status: 404 });
    }
  });
}
