// Which agent carries a request: straight to the server, or through a proxy. The proxy is the
// one set in settings, else the one the environment names (HTTP_PROXY, HTTPS_PROXY,
// ALL_PROXY, with NO_PROXY honoured, as curl and most tools read them). The agents come from
// the proxy-agents family (http-proxy-agent, https-proxy-agent, socks-proxy-agent), one set
// per proxy URL, kept alive and sized like the direct ones. They load with the first request
// that needs a proxy (proxy-agent-factory.ts), so `for` hands back a promise that once.

import http from 'node:http';
import https from 'node:https';
import { getProxyForUrl } from 'proxy-from-env';
import net from 'node:net';
import { checkedLookup, checkLiteralHost, type AddressCheck, type Lookup } from './destination-policy.ts';
import { DownloadError } from './errors.ts';
import { SharedReadAgent } from './shared-read-agent.ts';

export interface Agents {
  http: http.Agent;
  /** An https.Agent by type; a proxy agent stands in for one (it opens the TLS itself). */
  https: https.Agent;
}

const HTTP_PROXY_PROTOCOLS = new Set(['http:', 'https:']);
const SOCKS_PROTOCOLS = new Set(['socks:', 'socks4:', 'socks4a:', 'socks5:', 'socks5h:']);

/** Checks a proxy URL as a user typed it; '' means "from the environment". Returns it normalized. */
export function checkProxyUrl(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  let url: URL;
  try {
    // "host:port" alone means an HTTP proxy, as curl reads it.
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`);
  } catch {
    throw new DownloadError('ERR_INVALID_PROXY', { params: { proxy: redactProxy(trimmed).slice(0, 200) } });
  }
  if (!HTTP_PROXY_PROTOCOLS.has(url.protocol) && !SOCKS_PROTOCOLS.has(url.protocol)) {
    throw new DownloadError('ERR_INVALID_PROXY', { params: { variant: 'protocol', protocol: url.protocol.replace(':', '') } });
  }
  if (!url.hostname) throw new DownloadError('ERR_INVALID_PROXY', { params: { variant: 'noHost' } });
  return url.href.replace(/\/$/, '');
}

/** A proxy URL fit to show: any user name and password in it are hidden. */
export function redactProxy(text: string): string {
  return text.replace(/\/\/[^/@]*@/, '//•••@');
}

export class ProxyAgents {
  #direct: Agents;
  #viaProxy = new Map<string, Agents>();
  #factory: Promise<typeof import('./proxy-agent-factory.ts')> | undefined;
  #configured = '';
  #maxSockets: number;
  #allowAddress: AddressCheck | undefined;

  /**
   * `allowAddress` (docs/ARCHITECTURE.md#destinations) also judges a proxy from settings,
   * which whoever can change settings chose; the environment's proxy is the operator's.
   */
  constructor(maxSockets: number, allowAddress?: AddressCheck) {
    this.#maxSockets = maxSockets;
    this.#allowAddress = allowAddress;
    this.#direct = {
      // Direct plain-HTTP sockets share one read buffer (see shared-read-agent.ts).
      http: new SharedReadAgent(this.#agentOptions()),
      https: new https.Agent(this.#agentOptions()),
    };
  }

  /** The proxy from settings ('' = follow the environment). Already checked by `checkProxyUrl`. */
  setProxy(proxy: string): void {
    this.#configured = proxy;
  }

  /** The proxy a request to `url` goes through (as `for` picks it), or undefined for a direct one. */
  proxyOf(url: string): URL | undefined {
    const proxy = this.#configured || getProxyForUrl(url);
    if (!proxy) return undefined;
    try {
      return new URL(checkProxyUrl(proxy));
    } catch {
      return undefined;
    }
  }

  /** The agents for a request to `url` (got picks http or https by the URL's scheme, also after a redirect). */
  for(url: string): Agents | Promise<Agents> {
    const proxy = this.#configured || getProxyForUrl(url);
    if (!proxy) return this.#direct;
    const limit = this.#configured ? this.#allowAddress : undefined;
    const key = limit ? `limited ${proxy}` : proxy;
    const agents = this.#viaProxy.get(key);
    if (agents) return agents;
    const proxyUrl = this.#checked(proxy);
    // A literal is judged before its agents are made (no lookup runs for it; a refused one is
    // never kept, so every request through it is refused); a name when each connection to it is made.
    if (limit) checkLiteralHost(proxyUrl, limit, 'proxy');
    this.#factory ??= import('./proxy-agent-factory.ts');
    const lookup = limit && checkedLookup(limit, 'proxy');
    // The HTTP agents hand `lookup` to each socket they open to the proxy. The SOCKS library
    // keeps only the message of a socket's error, so its proxy's name is looked up (and
    // judged) once here instead, and the agent connects to that address.
    const where = lookup && proxyUrl.protocol.startsWith('socks') ? pinned(proxyUrl, lookup) : proxyUrl;
    return Promise.all([this.#factory, where]).then(([{ proxyAgents }, target]) => {
      let made = this.#viaProxy.get(key);
      if (!made) {
        made = proxyAgents(target, lookup ? ({ ...this.#agentOptions(), lookup } as http.AgentOptions) : this.#agentOptions());
        this.#viaProxy.set(key, made);
      }
      return made;
    });
  }

  setMaxSockets(count: number): void {
    this.#maxSockets = count;
    for (const agents of [this.#direct, ...this.#viaProxy.values()]) {
      agents.http.maxSockets = count;
      agents.https.maxSockets = count;
    }
  }

  destroy(): void {
    for (const agents of [this.#direct, ...this.#viaProxy.values()]) {
      agents.http.destroy();
      agents.https.destroy();
    }
    this.#viaProxy.clear();
  }

  #agentOptions(): http.AgentOptions {
    return { keepAlive: true, maxSockets: this.#maxSockets, scheduling: 'lifo' };
  }

  #checked(proxy: string): URL {
    try {
      return new URL(checkProxyUrl(proxy));
    } catch (error) {
      // Only the environment can bring an unchecked one; a request through it fails clearly.
      throw error instanceof DownloadError ? error : new DownloadError('ERR_INVALID_PROXY', { params: { variant: 'fromEnvironment' } });
    }
  }
}

/** The proxy URL with its host name replaced by the address `lookup` gives (an IP literal is kept). */
function pinned(url: URL, lookup: Lookup): Promise<URL> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (net.isIP(host) !== 0) return Promise.resolve(url);
  return new Promise((resolve, reject) =>
    lookup(host, {}, (error, address) => {
      if (error) return reject(error);
      const copy = new URL(url);
      copy.hostname = net.isIPv6(String(address)) ? `[${String(address)}]` : String(address);
      resolve(copy);
    }),
  );
}
