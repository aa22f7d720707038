// What the app's page may load and where it may go, shared by both hosts. The page is the
// React bundle and nothing else: scripts and connections only to itself, no frames, no
// plugins, no forms posting elsewhere.

import { webUrlOf } from '../engine/web-url.ts';

/**
 * The Content-Security-Policy for the app's page. `socket` is the web host's WebSocket
 * origin. `ipcOnly` (the desktop window, which talks to the engine over IPC) allows no
 * connections at all. `devServer` (electron-vite dev only) lets in what Vite's dev page
 * needs: the inline React Refresh preamble and the HMR socket; a built page never gets these.
 */
export function contentSecurityPolicy(options: { socket?: string | undefined; devServer?: string | undefined; ipcOnly?: boolean } = {}): string {
  const dev = options.devServer ? new URL(options.devServer) : undefined;
  const sockets = [options.socket, dev && `ws://${dev.host}`].filter(Boolean).join(' ');
  const connect = options.ipcOnly && !dev ? "'none'" : `'self'${sockets ? ` ${sockets}` : ''}`;
  return [
    "default-src 'self'",
    dev ? "script-src 'self' 'unsafe-inline'" : "script-src 'self'",
    // React sets style attributes (progress widths, virtualized row offsets).
    "style-src 'self' 'unsafe-inline'",
    `connect-src ${connect}`,
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** A link the user clicked that may leave the app for their browser: http(s) only, nothing else. */
export function externalLink(url: string): string | undefined {
  return webUrlOf(url)?.href;
}
