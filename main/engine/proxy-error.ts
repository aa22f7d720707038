// What a failed request means when it went through a proxy. Before the server answered,
// every connection is made to the proxy (an HTTP proxy even looks the server's name up
// itself), so a refused connection, a name not found or a connection that timed out is the
// proxy's, and must say so with the proxy's host and port: "the server refused" would send
// a person to the wrong place. A 407 is the proxy asking for its own credentials. Failures
// once bytes flow (a cut) stay the connection's, as without a proxy.

import { DownloadError, type Params } from './errors.ts';

/** Codes of a connection that never reached the proxy. */
const UNREACHABLE = new Set(['ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN', 'EADDRNOTAVAIL']);

/**
 * The proxy's failure, if `error` (what a request threw before the response head) is one;
 * `proxy` is its `host:port`, without credentials. Undefined when it is not the proxy's.
 */
export function proxyFailure(error: unknown, proxy: string): DownloadError | undefined {
  if (error instanceof DownloadError) return undefined;
  const code = codeOf(error);
  if (code === 'ECONNREFUSED') return failure({ variant: 'refused', proxy }, error);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return failure({ variant: 'dns', proxy, detail: code }, error);
  if (code && UNREACHABLE.has(code)) return failure({ proxy, detail: code }, error);
  const socks = socksMessage(error);
  if (socks === undefined) return undefined;
  // The SOCKS library keeps only a message: the system code inside it, or its own words.
  const inside = /\b(E[A-Z]{4,})\b/.exec(socks)?.[1];
  if (inside === 'ECONNREFUSED') return failure({ variant: 'refused', proxy }, error);
  if (inside === 'ENOTFOUND' || inside === 'EAI_AGAIN') return failure({ variant: 'dns', proxy, detail: inside }, error);
  if ((inside && UNREACHABLE.has(inside)) || /timed out/i.test(socks)) return failure({ proxy, detail: inside ?? 'ETIMEDOUT' }, error);
  if (/authentication/i.test(socks)) return new DownloadError('ERR_PROXY', { params: { variant: 'auth', proxy }, action: 'checkProxy', cause: error });
  // "… rejected - HostUnreachable": the proxy was reached, the server was not (its reply's name as the detail).
  const reply = /\s-\s*\(?([A-Za-z]+)\)?\s*$/.exec(socks)?.[1];
  if (reply) return failure({ variant: 'target', proxy, detail: reply }, error);
  return undefined;
}

/** A proxy that answered 407: it wants credentials, or refused those in its URL. Asking again changes nothing. */
export function proxyAuthError(proxy: string): DownloadError {
  return new DownloadError('ERR_PROXY', { params: { variant: 'auth', proxy }, action: 'checkProxy' });
}

/** A proxy that cannot be reached now may be back in a moment (restarted, the network back): retried, as a server would be. */
function failure(params: Params, cause: unknown): DownloadError {
  return new DownloadError('ERR_PROXY', { params, action: 'checkProxy', cause, retryable: true });
}

/** The system code of the error or of any error it wraps (got wraps the socket's). */
function codeOf(error: unknown): string | undefined {
  for (let cause: unknown = error, depth = 0; cause && depth < 5; cause = (cause as { cause?: unknown }).cause, depth++) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code;
  }
  return undefined;
}

/** The message of a SOCKS client's error in the chain (socks' SocksClientError carries its options, with the proxy). */
function socksMessage(error: unknown): string | undefined {
  for (let cause: unknown = error, depth = 0; cause && depth < 5; cause = (cause as { cause?: unknown }).cause, depth++) {
    const options = (cause as { options?: { proxy?: unknown } }).options;
    if (cause instanceof Error && (cause.name === 'SocksClientError' || cause.constructor.name === 'SocksClientError' || typeof options?.proxy === 'object')) return cause.message;
  }
  return undefined;
}
