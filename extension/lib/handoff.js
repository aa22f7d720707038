// Handing a download to Tsuzuki with what the site needs from this browser: the page it came
// from (Referer), the cookies the browser would send for that very URL (and no other), and
// the browser's user agent. The browser's own download is cancelled only once Tsuzuki has
// accepted the hand-off; if Tsuzuki is not running, not paired, or refuses, the browser's
// download goes on as if the extension were not there.

import * as settings from './settings.js';
import * as tsuzuki from './tsuzuki-client.js';

/** The request headers for one URL, as this browser would send them. */
export async function sessionHeaders(url, referrer) {
  const headers = { 'User-Agent': navigator.userAgent };
  if (referrer && /^https?:/i.test(referrer)) headers['Referer'] = referrer;
  let cookies = [];
  try {
    cookies = await chrome.cookies.getAll({ url });
  } catch {
    // No permission for this site: hand it over without cookies.
  }
  if (cookies.length > 0) headers['Cookie'] = cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
  return headers;
}

/** A name the browser suggested, as a bare file name (it may be a full path in Firefox). */
export function baseName(filename) {
  const name = (filename ?? '').split(/[\\/]/).pop() ?? '';
  return name.length > 0 && name.length <= 255 ? name : undefined;
}

/**
 * Hands links over, grouped so each group shares the same headers (links on one page often
 * come from several sites, whose cookies must not be mixed). Returns how many were accepted
 * and, when none could be, why.
 */
export async function handOffLinks(links, referrer) {
  const state = await settings.load();
  if (!state.token) return { accepted: 0, problem: 'notPaired' };
  const groups = new Map();
  for (const url of links) {
    const headers = await sessionHeaders(url, referrer);
    const key = JSON.stringify(headers);
    const group = groups.get(key) ?? { headers, urls: [] };
    group.urls.push(url);
    groups.set(key, group);
  }
  let accepted = 0;
  let problem;
  for (const { headers, urls } of groups.values()) {
    const answer = await tsuzuki.add(state.address, state.token, urls, { headers });
    if (!answer.ok) {
      problem = answer.problem;
      continue;
    }
    accepted += answer.value.added.length;
    for (const [index, id] of answer.value.added.entries()) {
      await settings.remember({ id, url: urls[index], name: baseName(new URL(urls[index]).pathname) ?? urls[index], at: Date.now(), outcome: 'handedOff' });
    }
  }
  await settings.save({ lastProblem: accepted > 0 ? '' : (problem ?? '') });
  return { accepted, problem };
}

/**
 * One download the browser started and the rules let through: hand it over, then cancel the
 * browser's copy — or let the browser's copy go on.
 */
export async function catchDownload(item, suggestedName) {
  const state = await settings.load();
  const url = item.finalUrl || item.url;
  // Paused while Tsuzuki is asked, so both do not fetch the whole file at once.
  const paused = await chrome.downloads.pause(item.id).then(() => true, () => false);
  const keepInBrowser = async (problem) => {
    if (paused) await chrome.downloads.resume(item.id).catch(() => {});
    await settings.remember({ browserId: item.id, url, name: suggestedName ?? url, at: Date.now(), outcome: 'keptInBrowser', problem });
    await settings.save({ lastProblem: problem });
    return { handedOff: false, problem };
  };
  if (!state.token) return keepInBrowser('notPaired');
  // A small file may have all its bytes in the browser already (a browser that does not hold
  // a download while the extension asks): it is the browser's, and Tsuzuki would only fetch a
  // second copy.
  if (await finishedInBrowser(item.id)) {
    if (paused) await chrome.downloads.resume(item.id).catch(() => {});
    await settings.remember({ browserId: item.id, url, name: suggestedName ?? baseName(new URL(url).pathname) ?? url, at: Date.now(), outcome: 'keptInBrowser' });
    return { handedOff: false };
  }
  const options = { headers: await sessionHeaders(url, item.referrer) };
  if (suggestedName) options.fileName = suggestedName;
  const answer = await tsuzuki.add(state.address, state.token, [url], options);
  if (!answer.ok || answer.value.added.length !== 1) return keepInBrowser(answer.ok ? 'refused' : answer.problem);
  // Taken off the browser's list only when cancelled: a copy it finished meanwhile stays in view.
  const cancelled = await chrome.downloads.cancel(item.id).then(() => true, () => false);
  if (cancelled && !(await finishedInBrowser(item.id))) await chrome.downloads.erase({ id: item.id }).catch(() => {});
  await settings.remember({ id: answer.value.added[0], browserId: item.id, url, name: suggestedName ?? baseName(new URL(url).pathname) ?? url, at: Date.now(), outcome: 'handedOff' });
  await settings.save({ lastProblem: '' });
  return { handedOff: true, id: answer.value.added[0] };
}

/** Whether the browser's own download is complete, or has every byte of a known size. */
async function finishedInBrowser(id) {
  const [now] = await chrome.downloads.search({ id }).catch(() => []);
  return now?.state === 'complete' || (now?.state === 'in_progress' && now.totalBytes > 0 && now.bytesReceived >= now.totalBytes);
}
