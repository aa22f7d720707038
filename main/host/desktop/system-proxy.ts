// The desktop app follows the system's proxy: Electron's session resolves it (from the OS
// settings, a PAC script or WPAD) as a PAC answer, which becomes the HTTP_PROXY/HTTPS_PROXY
// the engine already honours. Only when neither the environment nor the user named one:
// an explicit choice always wins, and the engine's own proxy setting wins over both.

const PROBE_URL = 'https://example.com/';
/** A PAC script that takes longer than this leaves the app direct rather than slow to start. */
const RESOLVE_TIMEOUT_MS = 3000;

/** The first usable entry of a PAC answer ("PROXY h:3128; DIRECT") as a proxy URL; undefined for DIRECT. */
export function proxyFromPacAnswer(answer: string): string | undefined {
  for (const entry of answer.split(';')) {
    const [kind, address] = entry.trim().split(/\s+/);
    if (!kind || kind.toUpperCase() === 'DIRECT') return undefined;
    if (!address || !/^[\w.-]+:\d{1,5}$|^\[[0-9a-f:.]+\]:\d{1,5}$/i.test(address)) continue;
    switch (kind.toUpperCase()) {
      case 'PROXY':
      case 'HTTP':
        return `http://${address}`;
      case 'HTTPS':
        return `https://${address}`;
      case 'SOCKS':
      case 'SOCKS5':
        return `socks5://${address}`;
      case 'SOCKS4':
        return `socks4://${address}`;
    }
  }
  return undefined;
}

/** Sets HTTP(S)_PROXY from the system's proxy, unless the environment names one already. */
export async function followSystemProxy(resolve: (url: string) => Promise<string>, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const named = ['HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY'].some((name) => env[name] || env[name.toLowerCase()]);
  if (named) return undefined;
  let proxy: string | undefined;
  try {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<string>((resolveLate) => (timer = setTimeout(() => resolveLate('DIRECT'), RESOLVE_TIMEOUT_MS)));
    proxy = proxyFromPacAnswer(await Promise.race([resolve(PROBE_URL), late]).finally(() => clearTimeout(timer)));
  } catch {
    return undefined;
  }
  if (proxy) {
    env['HTTP_PROXY'] = proxy;
    env['HTTPS_PROXY'] = proxy;
  }
  return proxy;
}
