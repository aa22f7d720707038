// Pairing with Tsuzuki: ask, show the code, and wait (bounded) until the person approves or
// denies it in the Tsuzuki window. The code and state live in storage, so the popup can be
// closed and opened again while it waits.

import * as settings from './settings.js';
import * as tsuzuki from './tsuzuki-client.js';

const POLL_MS = 1000;
const WAIT_MS = 5 * 60_000;

export function browserName() {
  const brands = navigator.userAgentData?.brands?.map((brand) => brand.brand).filter((brand) => !/not.?a.?brand/i.test(brand)) ?? [];
  const name = brands.find((brand) => brand !== 'Chromium') ?? brands[0] ?? (/Firefox\/\d+/.exec(navigator.userAgent)?.[0] ?? 'Browser');
  const platform = navigator.userAgentData?.platform || (/\(([^;)]+)/.exec(navigator.userAgent)?.[1] ?? '');
  return `${name}${platform ? ` on ${platform}` : ''}`;
}

let waiting;

/** Starts pairing (or returns the one under way). Resolves once asked, with the code to show. */
export async function startPairing() {
  const state = await settings.load();
  const asked = await tsuzuki.requestPairing(state.address, browserName());
  if (!asked.ok) {
    await settings.save({ lastProblem: asked.problem, pairing: null });
    return { ok: false, problem: asked.problem };
  }
  const pairing = { code: asked.value.code, secret: asked.value.secret, since: Date.now(), state: 'pending' };
  await settings.save({ pairing, lastProblem: '' });
  waiting = waitForAnswer(state.address, pairing).finally(() => (waiting = undefined));
  return { ok: true, code: pairing.code };
}

async function waitForAnswer(address, pairing) {
  for (let waited = 0; waited < WAIT_MS; waited += POLL_MS) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    const answer = await tsuzuki.pollPairing(address, pairing.secret);
    if (!answer.ok) continue;
    if (answer.value.state === 'approved') {
      await settings.save({ token: answer.value.token, pairing: null, lastProblem: '' });
      return 'approved';
    }
    if (answer.value.state === 'denied' || answer.value.state === 'unknown') {
      await settings.save({ pairing: { ...pairing, secret: '', state: answer.value.state } });
      return answer.value.state;
    }
  }
  await settings.save({ pairing: { ...pairing, secret: '', state: 'expired' } });
  return 'expired';
}

/** For the popup after the service worker restarted: pick up a pairing still waiting. */
export async function resumeWaiting() {
  const { pairing, address } = await settings.load();
  if (!waiting && pairing?.state === 'pending' && pairing.secret && Date.now() - pairing.since < WAIT_MS) {
    waiting = waitForAnswer(address, pairing).finally(() => (waiting = undefined));
  }
}
