// What a failed request means, as the engine's error: what happened, whether another
// attempt can help, and what the person can do. got passes on Node's codes (ECONNRESET,
// HPE_…) and adds its own (ERR_TOO_MANY_REDIRECTS, ERR_UNSUPPORTED_PROTOCOL). A code not
// named here is taken for a lost connection, which a resume continues.

import { DownloadError, errorName } from './errors.ts';
import { MAX_REDIRECTS } from './http-client.ts';
import { clippedLink } from './url-check.ts';

/**
 * Node's HTTP parser names what was wrong with an answer (`HPE_…`). These are the ones
 * its lenient mode (which the client uses) still raises for an answer's head: that is what
 * the server sends every time, so asking again only repeats it. The rest come from a body,
 * a chunk size out of place, which is what a cut or a flaky proxy makes of it: retried.
 */
const INVALID_HEADS: Record<string, { variant: string; action: 'tellSite' | 'checkLink' }> = {
  HPE_HEADER_OVERFLOW: { variant: 'headerTooLarge', action: 'tellSite' }, // over MAX_RESPONSE_HEAD_BYTES
  HPE_INVALID_CONTENT_LENGTH: { variant: 'badLength', action: 'tellSite' }, // not a number, or past 2^64
  HPE_UNEXPECTED_CONTENT_LENGTH: { variant: 'badLength', action: 'tellSite' }, // two that differ
  HPE_INVALID_HEADER_TOKEN: { variant: 'badHeader', action: 'tellSite' }, // a line without a colon, a space before it
  // No HTTP status line: most often a link to a port where something else listens (SSH, TLS, HTTP/2 only).
  HPE_INVALID_CONSTANT: { variant: 'notHttp', action: 'checkLink' },
  HPE_INVALID_VERSION: { variant: 'notHttp', action: 'checkLink' },
  HPE_INVALID_STATUS: { variant: 'notHttp', action: 'checkLink' },
};

/** Maps whatever a request threw to a DownloadError that says what happened. */
export function requestError(error: unknown): DownloadError {
  for (let cause: unknown = error; cause; cause = (cause as { cause?: unknown }).cause) {
    if (cause instanceof DownloadError) return cause;
  }
  const code = (error as { code?: string })?.code ?? '';
  if (code === 'ERR_TOO_MANY_REDIRECTS') {
    return new DownloadError('ERR_TOO_MANY_REDIRECTS', { params: { max: MAX_REDIRECTS }, action: 'checkLink', cause: error });
  }
  const target = refusedRedirect(error);
  if (typeof target === 'string') {
    return new DownloadError('ERR_UNSUPPORTED_REDIRECT', { params: { variant: 'invalid', link: clippedLink(target) }, action: 'checkLink', cause: error });
  }
  if (target) {
    return new DownloadError('ERR_UNSUPPORTED_REDIRECT', { params: { link: clippedLink(target.href), scheme: target.protocol.replace(/:$/, '') }, action: 'checkLink', cause: error });
  }
  const head = INVALID_HEADS[code];
  if (head) return new DownloadError('ERR_INVALID_RESPONSE', { params: { variant: head.variant }, action: head.action, cause: error });
  if (code.startsWith('HPE_')) {
    return new DownloadError('ERR_INVALID_RESPONSE', { params: { detail: code }, action: 'resume', cause: error, retryable: true });
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new DownloadError('ERR_NETWORK', { params: { variant: 'dns', detail: code }, action: 'checkConnection', cause: error, retryable: true });
  }
  if (code === 'ECONNREFUSED') {
    return new DownloadError('ERR_NETWORK', { params: { variant: 'refused' }, action: 'checkLink', cause: error, retryable: true });
  }
  // OpenSSL's protocol errors (EPROTO, ERR_SSL_…): most often an https link to a port that
  // speaks plain HTTP ("wrong version number"), which every attempt meets again.
  if (code === 'EPROTO' || code.startsWith('ERR_SSL_')) {
    return new DownloadError('ERR_NETWORK', { params: { variant: 'tlsProtocol', detail: code }, action: 'checkLink', cause: error });
  }
  // The body ended before its Content-Length: the words of a body cut short, not got's code.
  if (code === 'ERR_HTTP_CONTENT_LENGTH_MISMATCH') {
    return new DownloadError('ERR_NETWORK', { action: 'resume', cause: error, retryable: true });
  }
  if (code.startsWith('ERR_TLS') || code.startsWith('CERT_') || code.includes('CERT')) {
    return new DownloadError('ERR_NETWORK', { params: { variant: 'tls', detail: code }, action: 'checkLink', cause: error });
  }
  // The code, never the message (English prose; the words are chosen at the edge).
  return new DownloadError('ERR_NETWORK', { params: { variant: 'lost', detail: errorName(error) }, action: 'resume', cause: error, retryable: true });
}

/** The statuses got follows. */
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * Where a redirect pointed when got would not follow it: an address that is neither http
 * nor https (file:, ftp:, an app's own scheme), or, as the text it was, one that is no
 * address at all. got's error keeps the redirect's response, whose Location says where;
 * read from there rather than from the error's code, because got names these three ways
 * (ERR_UNSUPPORTED_PROTOCOL, ERR_INVALID_URL, and a generic error for unix:).
 */
function refusedRedirect(error: unknown): URL | string | undefined {
  const response = (error as { response?: { statusCode?: number; headers?: Record<string, unknown>; url?: string } } | undefined)?.response;
  const location = response?.headers?.['location'];
  if (!REDIRECTS.has(response?.statusCode ?? 0) || typeof location !== 'string' || !response?.url) return undefined;
  // As got reads it: the header's bytes as UTF-8, relative to the response's address.
  const text = Buffer.from(location, 'latin1').toString();
  let target: URL;
  try {
    target = new URL(text, response.url);
  } catch {
    return text;
  }
  return target.protocol === 'http:' || target.protocol === 'https:' ? undefined : target;
}
