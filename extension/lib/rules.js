// Whether a download the browser started goes to Tsuzuki. Pure: the settings and the
// download's facts in, a decision out, so the rules are the same in every browser.

/** Only http(s) links can be fetched again by Tsuzuki; blob:, data: and file: stay in the browser. */
export function isHandOffUrl(url) {
  return /^https?:\/\//i.test(url ?? '');
}

/**
 * @param {{ enabled: boolean, bypassNext: boolean, bypassUntil: number, minBytes: number, skipSites: string[] }} settings
 * @param {{ url: string, method?: string, incognito?: boolean, totalBytes?: number, now: number }} download
 * @returns {{ catch: true } | { catch: false, reason: 'disabled' | 'bypass' | 'notHttp' | 'notGet' | 'private' | 'site' | 'small' }}
 */
export function decide(settings, download) {
  if (!isHandOffUrl(download.url)) return { catch: false, reason: 'notHttp' };
  // A form's POST: fetched again with a GET, without the form's fields, it would not be this file.
  if ((download.method ?? 'GET') !== 'GET') return { catch: false, reason: 'notGet' };
  // A private window's download: Tsuzuki would keep it in its history, and the cookies the
  // worker can read are the normal windows' (another cookie store), not that window's session.
  if (download.incognito) return { catch: false, reason: 'private' };
  if (!settings.enabled) return { catch: false, reason: 'disabled' };
  if (settings.bypassNext || settings.bypassUntil > download.now) return { catch: false, reason: 'bypass' };
  const host = hostOf(download.url);
  if (settings.skipSites.some((site) => matchesSite(host, site))) return { catch: false, reason: 'site' };
  const size = download.totalBytes ?? -1;
  if (settings.minBytes > 0 && size >= 0 && size < settings.minBytes) return { catch: false, reason: 'small' };
  return { catch: true };
}

/** "example.com" matches example.com and its subdomains; "*.example.com" only the subdomains. */
export function matchesSite(host, site) {
  const wanted = site.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/[/:].*$/, '');
  if (!wanted) return false;
  if (wanted.startsWith('*.')) return host.endsWith(wanted.slice(1));
  return host === wanted || host.endsWith(`.${wanted}`);
}

/** Sites typed one per line or separated by commas. */
export function parseSites(text) {
  return text
    .split(/[\s,]+/)
    .map((site) => site.trim())
    .filter(Boolean)
    .slice(0, 200);
}

function hostOf(url) {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

/**
 * The Tsuzuki address typed in the popup, as the origin to talk to, or undefined when it is
 * not one: http(s) on this machine only (Tsuzuki answers loopback peers only, and every
 * request carries the token and hand-offs carry the site's cookies). "127.0.0.1:7891" is
 * taken as http://127.0.0.1:7891.
 */
export function tsuzukiAddress(text) {
  const typed = String(text ?? '').trim();
  if (!typed) return undefined;
  let url;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(typed) ? typed : `http://${typed}`);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.username || url.password || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) return undefined;
  const host = url.hostname.toLowerCase();
  const loopback = host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
  return loopback ? url.origin : undefined;
}
