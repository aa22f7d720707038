// "The network is back", as far as plain Node can see it: the machine's external addresses
// (non-internal interfaces) go from none to some, or a new one appears (another Wi-Fi, a
// VPN, a cable plugged in). A cheap poll of os.networkInterfaces(); every host uses it to
// let downloads waiting out a backoff try again at once.

import os from 'node:os';

export type Interfaces = ReturnType<typeof os.networkInterfaces>;

/** The external addresses, sorted: what "connected" looks like from here. */
export function externalAddresses(interfaces: Interfaces): string[] {
  const addresses: string[] = [];
  for (const [name, entries] of Object.entries(interfaces)) {
    for (const entry of entries ?? []) {
      // Link-local IPv6 addresses exist on every interface that is up, connected or not.
      if (entry.internal || (entry.family === 'IPv6' && entry.address.toLowerCase().startsWith('fe80:'))) continue;
      addresses.push(`${name}/${entry.address}`);
    }
  }
  return addresses.sort();
}

/** Whether going from `before` to `after` looks like a network coming (back) up. */
export function networkCameBack(before: readonly string[], after: readonly string[]): boolean {
  if (after.length === 0) return false;
  const known = new Set(before);
  return after.some((address) => !known.has(address));
}

export interface NetworkWatch {
  stop(): void;
}

/** Polls every `intervalMs` (unref'd: it never keeps a process alive) and calls `onBack`. */
export function watchNetwork(
  onBack: () => void,
  options: { intervalMs?: number; interfaces?: () => Interfaces } = {},
): NetworkWatch {
  const read = options.interfaces ?? os.networkInterfaces;
  const sample = () => {
    try {
      return externalAddresses(read());
    } catch {
      // Some sandboxes refuse the call; then there is simply nothing to watch.
      return undefined;
    }
  };
  let last = sample();
  const timer = setInterval(() => {
    const now = sample();
    if (!now) return;
    if (last && networkCameBack(last, now)) onBack();
    last = now;
  }, options.intervalMs ?? 3000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
