// The extension's settings and state, kept in storage.local (service workers come and go,
// so nothing lives only in memory).

export const DEFAULT_ADDRESS = 'http://127.0.0.1:7890';
const MAX_RECENT = 20;

const DEFAULTS = {
  address: DEFAULT_ADDRESS,
  token: '',
  enabled: true,
  bypassNext: false,
  bypassUntil: 0,
  minBytes: 0,
  skipSites: [],
  recent: [],
  lastProblem: '',
  pairing: null,
};

export async function load() {
  const stored = await chrome.storage.local.get(Object.keys(DEFAULTS));
  return { ...DEFAULTS, ...stored };
}

export async function save(patch) {
  await chrome.storage.local.set(patch);
}

/** The last remember() under way: each reads the list the one before it wrote. */
let remembering = Promise.resolve();

/**
 * Remembers a hand-off (or a download left to the browser) for the popup, newest first.
 * One at a time: downloads started together are handed over together, and two that read the
 * list at once would each write it back with only their own entry added.
 */
export function remember(entry) {
  const done = remembering.then(async () => {
    const { recent } = await load();
    await save({ recent: [entry, ...recent].slice(0, MAX_RECENT) });
  });
  remembering = done.catch(() => {});
  return done;
}
