// The one place requests are made. got is configured for a resumable download
// (docs/ARCHITECTURE.md#resume-rules): no retries of its own (a retry would restart at
// byte 0; the engine owns the resume loop), no decompression (ranges count encoded
// bytes), identity encoding asked for, redirects followed but loops named, keep-alive
// agents shared by every download.

import http from 'node:http';
import https from 'node:https';
import got, { type Request } from 'got';
import { checkedLookup, checkLiteralHost, type AddressCheck } from './destination-policy.ts';
import { DownloadError } from './errors.ts';
import { ProxyAgents } from './proxy-agents.ts';
import { onTheWire } from './request-headers.ts';
import { shownLink } from './web-url.ts';

export const MAX_REDIRECTS = 10;
/** The largest response head accepted: curl's limit. */
export const MAX_RESPONSE_HEAD_BYTES = 100 * 1024;
const DEFAULT_USER_AGENT = 'Tsuzuki/0.1 (+resumable downloads)';

export interface HttpClient {
  /**
   * `itemHeaders` are the item's own (a session Cookie, Referer, User-Agent…): sent on every
   * request of the item, dropped once a redirect leaves the item's origin (a signed CDN link
   * needs none of them, and a third party must not see them). `headers` are the engine's
   * (Range, If-Match) and win over any item header of the same name.
   */
  stream(url: string, headers: Record<string, string>, signal: AbortSignal, itemHeaders?: Record<string, string>, policy?: RedirectPolicy): Request | Promise<Request>;
  /** The proxy a request to `url` goes through, as `host:port` (never its credentials); undefined for a direct one. */
  proxyFor(url: string): string | undefined;
  /** Connections per host, shared by all downloads. */
  setMaxSocketsPerHost(count: number): void;
  /** The proxy from settings ('' = the one the environment names, if any). */
  setProxy(proxy: string): void;
  destroy(): void;
}

export interface RedirectPolicy {
  /** Follow a redirect from https to plain http (only safe when something else vouches for the bytes, a SHA-256). */
  allowDowngrade: boolean;
}

/**
 * `allowAddress`, when given, limits where requests may connect (docs/ARCHITECTURE.md#destinations):
 * names are checked after DNS in the socket's own lookup (a SOCKS proxy that resolves
 * locally uses it too), IP literals before every request and redirect hop.
 */
export function createHttpClient(maxSocketsPerHost = 16, allowAddress?: AddressCheck): HttpClient {
  const agents = new ProxyAgents(maxSocketsPerHost, allowAddress);
  const dnsLookup = allowAddress && checkedLookup(allowAddress);
  const checkHost = allowAddress ? [(options: { url?: string | URL }) => checkLiteralHost(new URL(String(options.url)), allowAddress)] : [];
  return {
    stream(url, headers, signal, itemHeaders = {}, policy = { allowDowngrade: false }) {
      const agent = agents.for(url);
      // The first request through a proxy waits for its agents to load.
      if (agent instanceof Promise) return agent.then(() => this.stream(url, headers, signal, itemHeaders, policy));
      const visited = new Set<string>([url]);
      const origin = new URL(url).origin;
      return got.stream(url, {
        headers: { 'user-agent': DEFAULT_USER_AGENT, ...onTheWire(itemHeaders), 'accept-encoding': 'identity', ...headers },
        decompress: false,
        retry: { limit: 0 },
        throwHttpErrors: false,
        followRedirect: true,
        maxRedirects: MAX_REDIRECTS,
        signal,
        agent,
        // Connecting is bounded here; silence after that is the stall watchdog's business.
        timeout: { lookup: 15_000, connect: 15_000, secureConnect: 15_000 },
        // Servers in the wild put raw control characters into Content-Disposition, which
        // Node's strict parser answers by dropping the whole response. The lenient parser
        // lets such a file download; its name is sanitized like any other, and its bytes
        // are checked against Content-Range and the announced size as always.
        //
        // Node refuses an answer whose head is over 16 KiB, which a site with many or large
        // cookies exceeds where curl (100 KiB) and browsers (256 KiB) still download.
        request: (url, options, callback) => (url.protocol === 'https:' ? https : http).request(url, { ...options, insecureHTTPParser: true, maxHeaderSize: MAX_RESPONSE_HEAD_BYTES }, callback),
        ...(dnsLookup && { dnsLookup: dnsLookup as never }),
        hooks: {
          // got runs these before the first request and again before each redirect hop.
          beforeRequest: checkHost,
          beforeRedirect: [
            (options) => {
              const next = String(options.url);
              if (visited.has(next)) {
                throw new DownloadError('ERR_REDIRECT_LOOP', { params: { link: shownLink(next) }, action: 'checkLink' });
              }
              visited.add(next);
              // Checked before the hop is made: a plain-http request would already show the
              // path to the network, and its bytes could be anyone's.
              if (!policy.allowDowngrade && new URL(url).protocol === 'https:' && new URL(next).protocol === 'http:') {
                throw new DownloadError('ERR_INSECURE_REDIRECT', { params: { link: shownLink(next) }, action: 'checkLink' });
              }
              if (new URL(next).origin !== origin) {
                for (const name of Object.keys(itemHeaders)) {
                  if (!Object.hasOwn(headers, name)) delete options.headers[name];
                }
                options.headers['user-agent'] = DEFAULT_USER_AGENT;
              }
            },
          ],
        },
      });
    },
    proxyFor(url) {
      return agents.proxyOf(url)?.host;
    },
    setMaxSocketsPerHost(count) {
      agents.setMaxSockets(count);
    },
    setProxy(proxy) {
      agents.setProxy(proxy);
    },
    destroy() {
      agents.destroy();
    },
  };
}
