// The extension's service worker (an event page in Firefox): catches the downloads the
// browser starts, offers the context menus, and answers the popup. Listeners are registered
// at the top level, so a worker woken by an event finds them in place.

import { catchDownload, baseName, handOffLinks } from './lib/handoff.js';
import { resumeWaiting, startPairing } from './lib/pairing.js';
import { RequestMethods } from './lib/request-methods.js';
import { decide, tsuzukiAddress } from './lib/rules.js';
import * as settings from './lib/settings.js';
import * as tsuzuki from './lib/tsuzuki-client.js';

const MENU_LINK = 'tsuzuki-link';
const MENU_SELECTION = 'tsuzuki-selection';
/** How long an Alt-click on a link lets the download it starts go to the browser. */
const ALT_BYPASS_MS = 10_000;

chrome.runtime.onInstalled.addListener(() => {
  chrome.contextMenus.removeAll(() => {
    chrome.contextMenus.create({ id: MENU_LINK, title: chrome.i18n.getMessage('menuLink'), contexts: ['link'], targetUrlPatterns: ['http://*/*', 'https://*/*'] });
    chrome.contextMenus.create({ id: MENU_SELECTION, title: chrome.i18n.getMessage('menuSelection'), contexts: ['selection'] });
  });
});

/** The page loads that were form posts, which a download item does not tell apart. */
const requestMethods = new RequestMethods();
chrome.webRequest.onBeforeRequest.addListener((details) => requestMethods.note(details, Date.now()), { urls: ['http://*/*', 'https://*/*'], types: ['main_frame', 'sub_frame'] });

/** Decides, then hands over; the browser's download is untouched unless Tsuzuki took it. */
async function onDownload(item, suggestedName) {
  if (item.state && item.state !== 'in_progress') return;
  const url = item.finalUrl || item.url;
  // Read before anything is awaited: the request was seen before its download was made.
  const method = requestMethods.methodOf(url, item.url, Date.now());
  const state = await settings.load();
  const verdict = decide(state, { url, method, incognito: item.incognito === true, totalBytes: item.totalBytes ?? item.fileSize, now: Date.now() });
  if (!verdict.catch) {
    if (verdict.reason === 'bypass') await settings.save({ bypassNext: false, bypassUntil: 0 });
    return;
  }
  await catchDownload(item, suggestedName);
}

/** Catches under way, by browser download id (Chromium asks for the file name meanwhile). */
const catching = new Map();

chrome.downloads.onCreated.addListener((item) => {
  const done = onDownload(item, baseName(item.filename)).catch(() => {});
  catching.set(item.id, done);
  void done.finally(() => setTimeout(() => catching.delete(item.id), 60_000));
});

if (chrome.downloads.onDeterminingFilename) {
  // Chromium: a download cannot complete until `suggest` is called, so holding it until
  // Tsuzuki has answered (bounded by the client's timeout) keeps a small file from being
  // finished by the browser while the hand-off is asked.
  chrome.downloads.onDeterminingFilename.addListener((item, suggest) => {
    void Promise.resolve(catching.get(item.id)).finally(() => suggest());
    return true;
  });
}

async function onContextMenu(info, tab) {
  // As for a download (rules.js): a private window's links stay with it.
  if (tab?.incognito) return { accepted: 0, problem: 'private' };
  if (info.menuItemId === MENU_LINK && info.linkUrl) {
    return handOffLinks([info.linkUrl], info.frameUrl || info.pageUrl);
  }
  if (info.menuItemId === MENU_SELECTION && tab?.id !== undefined) {
    let links = [];
    try {
      links = await chrome.tabs.sendMessage(tab.id, { type: 'tsuzuki:links-in-selection' }, { frameId: info.frameId ?? 0 });
    } catch {
      // A page the content script cannot run in (the browser's own pages).
    }
    if (!Array.isArray(links) || links.length === 0) return { accepted: 0, problem: 'noLinks' };
    return handOffLinks(links, info.frameUrl || info.pageUrl);
  }
  return { accepted: 0 };
}
chrome.contextMenus.onClicked.addListener((info, tab) => void onContextMenu(info, tab));

/** What the popup shows: connected or not, the rules, the last hand-offs with their progress. */
async function popupState() {
  await resumeWaiting();
  const state = await settings.load();
  let connection = 'notPaired';
  let progress = [];
  if (state.token) {
    const answer = await tsuzuki.status(state.address, state.token);
    // A token Tsuzuki no longer knows: the browser was disconnected in the window.
    connection = answer.ok ? 'connected' : answer.problem === 'notPaired' ? 'revoked' : answer.problem;
    if (answer.ok) {
      const ids = state.recent.filter((entry) => entry.id).map((entry) => entry.id).slice(0, 20);
      const items = ids.length > 0 ? await tsuzuki.items(state.address, state.token, ids) : { ok: true, value: [] };
      if (items.ok) progress = items.value;
    }
  } else {
    const probe = await tsuzuki.status(state.address, '');
    if (probe.problem === 'notRunning') connection = 'notRunning';
  }
  const { token, pairing, ...shown } = state;
  return { ...shown, connection, progress, pairing: pairing ? { code: pairing.code, state: pairing.state } : null };
}

const popupCommands = {
  state: () => popupState(),
  pair: () => startPairing(),
  forget: () => settings.save({ token: '', pairing: null }),
  save: async ({ patch }) => {
    const allowed = ['address', 'enabled', 'bypassNext', 'minBytes', 'skipSites'];
    const kept = Object.fromEntries(Object.entries(patch ?? {}).filter(([key]) => allowed.includes(key)));
    if ('address' in kept) {
      // Refused whole, so a typo is said at once rather than shown later as "not running".
      const address = tsuzukiAddress(kept.address);
      if (!address) return { saved: false, problem: 'badAddress' };
      kept.address = address;
    }
    await settings.save(kept);
    return { saved: true };
  },
};

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (sender.id !== chrome.runtime.id) return false;
  if (message?.type === 'tsuzuki:alt-click') {
    void settings.save({ bypassUntil: Date.now() + ALT_BYPASS_MS });
    return false;
  }
  const command = popupCommands[message?.type];
  if (!command) return false;
  Promise.resolve(command(message)).then(
    (value) => sendResponse({ ok: true, value }),
    (error) => sendResponse({ ok: false, error: String(error) }),
  );
  return true; // answers asynchronously
});

// For tests and for debugging from the worker's console: the handlers behind the menus.
globalThis.tsuzukiHandoff = { onContextMenu, handOffLinks, popupState, MENU_LINK, MENU_SELECTION };
