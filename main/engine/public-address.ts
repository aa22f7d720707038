// The address rule of the web host beyond loopback (docs/ARCHITECTURE.md#destinations), in
// a file of its own so that only a host that limits destinations loads ipaddr.js.

import ipaddr from 'ipaddr.js';

const NAT64 = ipaddr.parseCIDR('64:ff9b::/96');

/**
 * Globally routable unicast only. Everything IANA lists as special-purpose is refused:
 * loopback, link-local, RFC 1918, unique-local fc00::/7, CGNAT 100.64/10, unspecified,
 * multicast, documentation and benchmarking ranges. `ipaddr.process` turns an IPv4-mapped
 * IPv6 address (::ffff:127.0.0.1) into the IPv4 one it stands for, and a NAT64 address is
 * judged by the IPv4 address it carries. Whatever does not parse is refused.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const ip = ipaddr.process(address);
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).match(NAT64)) return isPublicAddress(ip.toByteArray().slice(12).join('.'));
  return ip.range() === 'unicast';
}
