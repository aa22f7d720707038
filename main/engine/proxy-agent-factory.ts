// The agents that carry requests through a proxy, from the proxy-agents family
// (http-proxy-agent, https-proxy-agent, socks-proxy-agent). Loaded only when a proxy is
// first used (proxy-agents.ts): most runs have none, and the three packages with their
// dependencies are 7.5 MB of memory and ~40 ms of start-up.

import type http from 'node:http';
import type https from 'node:https';
import { HttpProxyAgent } from 'http-proxy-agent';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { SocksProxyAgent } from 'socks-proxy-agent';

/** `url` was checked by checkProxyUrl: http:, https: or one of the socks… schemes. */
export function proxyAgents(url: URL, options: http.AgentOptions): { http: http.Agent; https: https.Agent } {
  if (url.protocol.startsWith('socks')) {
    const agent = new SocksProxyAgent(url, options);
    return { http: agent, https: agent as unknown as https.Agent };
  }
  // Plain HTTP through the proxy is forwarded as is; HTTPS goes through a CONNECT tunnel.
  return { http: new HttpProxyAgent(url, options), https: new HttpsProxyAgent(url, options) as unknown as https.Agent };
}
