// What the window costs in a real Chromium (Debian's, headless, driven by Playwright):
// main-thread time from the DevTools protocol's Performance metrics (TaskDuration is the
// renderer main thread's busy time, cumulative), frame times from requestAnimationFrame
// while the list scrolls, and what arrives on the page's WebSocket (Playwright's frame
// events: bytes, frames and item snapshots).

import fs from 'node:fs';
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((file) => fs.existsSync(file));

export function launchChromium(): Promise<Browser> {
  if (!CHROMIUM) throw new Error('no Chromium found (apt-get install chromium, or set CHROMIUM_PATH)');
  return chromium.launch({ executablePath: CHROMIUM, headless: true });
}

/** Bytes, frames and item snapshots received on the page's sockets so far. */
export interface SocketCount {
  bytes: number;
  frames: number;
  snapshots: number;
}

export interface OpenPage {
  page: Page;
  cdp: CDPSession;
  received: SocketCount;
  /** Seconds from navigation until the All tab counted every item. */
  loadSeconds: number;
}

export async function openPage(browser: Browser, url: string, count: number, limitMs: number): Promise<OpenPage> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 680 } });
  const page = await context.newPage();
  const received: SocketCount = { bytes: 0, frames: 0, snapshots: 0 };
  page.on('websocket', (socket) =>
    socket.on('framereceived', ({ payload }) => {
      received.frames += 1;
      received.bytes += typeof payload === 'string' ? Buffer.byteLength(payload) : payload.length;
      received.snapshots += snapshotsIn(payload);
    }),
  );
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
  const started = performance.now();
  await page.goto(url, { waitUntil: 'commit', timeout: limitMs });
  await waitForCount(page, 'all', count, limitMs);
  return { page, cdp, received, loadSeconds: (performance.now() - started) / 1000 };
}

/** Resolves once the tab's count reads `count`; fails after `limitMs`. */
export async function waitForCount(page: Page, tab: string, count: number, limitMs: number): Promise<void> {
  await page.waitForFunction(
    ([id, wanted]) => document.querySelector(`#tab-${id} .count`)?.textContent === wanted,
    [tab, String(count)] as const,
    { timeout: limitMs, polling: 200 },
  );
}

/** Seconds until the page reloaded and showed every item again. */
export async function reloadSeconds(page: Page, count: number, limitMs: number): Promise<number> {
  const started = performance.now();
  await page.reload({ waitUntil: 'commit', timeout: limitMs });
  await waitForCount(page, 'all', count, limitMs);
  return (performance.now() - started) / 1000;
}

export type Metrics = Record<string, number>;

export async function metrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map(({ name, value }) => [name, value]));
}

/**
 * Milliseconds per second of the metrics' own clock between two readings: the main thread's
 * tasks in wall time (`task`; script, layout and style are parts of it) and the CPU time the
 * thread used (`cpu`, ThreadTime), which a machine shared with other work inflates less.
 */
export function busyPerSecond(before: Metrics, after: Metrics): { task: number; cpu: number; script: number; layout: number; style: number } {
  const seconds = after['Timestamp']! - before['Timestamp']!;
  const per = (name: string) => ((after[name]! - before[name]!) / seconds) * 1000;
  return { task: per('TaskDuration'), cpu: per('ThreadTime'), script: per('ScriptDuration'), layout: per('LayoutDuration'), style: per('RecalcStyleDuration') };
}

/**
 * A check that TaskDuration counts what it should: a task known to keep the main thread busy
 * for `ms` must add at least that much. Returns the milliseconds it added.
 */
export async function calibrate(page: Page, cdp: CDPSession, ms: number): Promise<number> {
  const before = await metrics(cdp);
  await page.evaluate((busy) => {
    const end = performance.now() + busy;
    while (performance.now() < end) {
      // Spin: the point is a main thread busy for a known time.
    }
  }, ms);
  const after = await metrics(cdp);
  return (after['TaskDuration']! - before['TaskDuration']!) * 1000;
}

export interface Scroll {
  /** Intervals between animation frames, ms. */
  frames: number[];
  /** Pixels scrolled each way. */
  distance: number;
  /** Rows in the DOM at the bottom, a sign the list kept up. */
  rowsAtBottom: number;
}

/**
 * Scrolls the list down by `pixels` (to the bottom when there are fewer) in `msEachWay`, then
 * back to the top, placing it by the clock at every animation frame, and records the frame
 * intervals. Bounded by time and frame count.
 */
export function scrollList(page: Page, pixels: number, msEachWay: number): Promise<Scroll> {
  return page.evaluate(
    ({ pixels, each, maxFrames }) =>
      new Promise<Scroll>((resolve, reject) => {
        const scroller = document.querySelector<HTMLElement>('.list-scroller');
        if (!scroller) return reject(new Error('no .list-scroller on the page'));
        scroller.scrollTop = 0;
        const distance = Math.min(pixels, scroller.scrollHeight - scroller.clientHeight);
        const frames: number[] = [];
        let rowsAtBottom = -1;
        let start = 0;
        let last = 0;
        // Should frames stop coming (a hidden page), the figures so far still come back.
        const guard = setTimeout(() => finish(), each * 2 + 5000);
        const finish = () => {
          clearTimeout(guard);
          scroller.scrollTop = 0;
          resolve({ frames, distance, rowsAtBottom });
        };
        const step = (now: number) => {
          if (start === 0) start = last = now;
          else frames.push(now - last);
          last = now;
          const t = (now - start) / each;
          if (t >= 1 && rowsAtBottom < 0) rowsAtBottom = scroller.querySelectorAll('[role="listitem"]').length;
          if (t >= 2 || frames.length >= maxFrames) return finish();
          scroller.scrollTop = Math.round((t <= 1 ? t : 2 - t) * distance);
          requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      }),
    { pixels, each: msEachWay, maxFrames: Math.ceil((msEachWay * 2) / 4) },
  );
}

/** How many item snapshots a socket frame carries (an `items` event or the `list` answer). */
function snapshotsIn(payload: string | Buffer): number {
  try {
    const frame = JSON.parse(String(payload)) as { type: string; event?: string; payload?: { changed?: unknown[] }; result?: { value?: unknown } };
    if (frame.type === 'event' && frame.event === 'items') return frame.payload?.changed?.length ?? 0;
    if (frame.type === 'result' && Array.isArray(frame.result?.value)) return frame.result.value.length;
  } catch {
    // Not JSON: nothing to count.
  }
  return 0;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
