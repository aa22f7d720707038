// Which addresses a download may connect to (docs/ARCHITECTURE.md#destinations). A host that
// lets people it does not know add links (the web host listening beyond loopback) must not
// let them make this machine fetch from its own network: loopback services, the router, the
// cloud's metadata address. So the check is on the address actually connected to, after DNS,
// on every hop of a redirect, and at connect time, so that no name can resolve one way when
// checked and another when used.

import dns, { type LookupAddress, type LookupOptions } from 'node:dns';
import net from 'node:net';
import { DownloadError } from './errors.ts';

/** True when a download may connect to this IP address (text, as DNS or a URL gives it); `isPublicAddress` (public-address.ts) is the web host's. */
export type AddressCheck = (address: string) => boolean;

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;
export type Lookup = (hostname: string, options: LookupOptions, callback: LookupCallback) => void;

/** `variant` 'proxy': the address is the proxy's, from settings, not the link's. */
export function privateDestination(host: string, address: string, variant?: 'proxy'): DownloadError {
  return new DownloadError('ERR_PRIVATE_DESTINATION', { params: { host: host.slice(0, 200), address, ...(variant && { variant }) }, action: 'allowPrivate' });
}

/**
 * A DNS lookup that answers only when every address of the name passes `check` (a name that
 * also resolves to a private address is refused: which one a connection picks is not ours
 * to choose). Given to the socket itself, so it runs for every new connection; a kept-alive
 * connection was made through it too.
 */
export function checkedLookup(check: AddressCheck, variant?: 'proxy'): Lookup {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '');
      const refused = addresses.find((entry) => !check(entry.address));
      if (refused) return callback(privateDestination(hostname, refused.address, variant), '');
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '');
      callback(null, first.address, first.family);
    });
  };
}

/**
 * Node connects to an IP literal without any lookup, and a proxy resolves names itself, so a
 * literal host is checked before each request (the first and every redirect hop).
 */
export function checkLiteralHost(url: URL, check: AddressCheck, variant?: 'proxy'): void {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (net.isIP(host) !== 0 && !check(host)) throw privateDestination(host, host, variant);
}
