// What the app's page may load and where it may go, shared by both hosts. The page is the
// React bundle and nothing else: scripts and connections only to itself, no frames, no
// plugins, no forms posting elsewhere.

/** The Content-Security-Policy for the app's page; `socket` is the web host's WebSocket origin. */
export function contentSecurityPolicy(socket?: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // React sets style attributes (progress widths, virtualized row offsets).
    "style-src 'self' 'unsafe-inline'",
    `connect-src 'self'${socket ? ` ${socket}` : ''}`,
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
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
