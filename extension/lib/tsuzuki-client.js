// Talking to a running Tsuzuki on this machine (the desktop app or `tsuzuki serve`): pairing,
// status, hand-offs and their progress. Every failure comes back as a reason the popup can
// word: 'notRunning' (nothing answers), 'notPaired' (a missing or revoked token), 'refused'.

const TIMEOUT_MS = 5000;

async function call(address, route, body, token) {
  let response;
  try {
    response = await fetch(new URL(`/extension/${route}`, address), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body ?? {}),
      signal: AbortSignal.timeout(TIMEOUT_MS),
      credentials: 'omit',
    });
  } catch {
    return { ok: false, problem: 'notRunning' };
  }
  let value;
  try {
    value = await response.json();
  } catch {
    return { ok: false, problem: 'notRunning' };
  }
  if (response.status === 401) return { ok: false, problem: 'notPaired' };
  if (!response.ok) return { ok: false, problem: 'refused', detail: value?.refused };
  return { ok: true, value };
}

export const requestPairing = (address, browser) => call(address, 'pair', { browser });
export const pollPairing = (address, secret) => call(address, 'pair/poll', { secret });
export const status = (address, token) => call(address, 'status', {}, token);
export const items = (address, token, ids) => call(address, 'items', { ids }, token);

/** Hands URLs over with the contract's add arguments; resolves to the AddResult or a problem. */
export async function add(address, token, urls, options) {
  const answer = await call(address, 'add', { urls, options }, token);
  if (!answer.ok) return answer;
  if (!answer.value?.ok) return { ok: false, problem: 'refused', detail: answer.value?.error?.code };
  return { ok: true, value: answer.value.value };
}
