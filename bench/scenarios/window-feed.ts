// The window's feed: `tsuzuki serve` holding 10,000 items (1,000 with --quick) with 64 (16)
// downloading from nginx at 16 KiB/s each, so they stay running through the measurement,
// and the page open in a headless Chromium. Measured per round, each on a fresh server:
// the page's main-thread time while nobody touches it, frame times while the list scrolls
// to the bottom and back, what the page's socket receives while idle, the server's memory
// and CPU, and the time a reload takes to show every item again. No peer: the "before"
// figures are the ones measured before the feed sent only what a row shows.

import fs from 'node:fs';
import path from 'node:path';
import { sameFileManyNames } from '../data.ts';
import { fillServe, pauseAll } from '../feed-setup.ts';
import { median } from '../measure.ts';
import { SLOW_RATE } from '../nginx.ts';
import { busyPerSecond, calibrate, launchChromium, metrics, openPage, percentile, reloadSeconds, scrollList, waitForCount, type OpenPage, type Scroll } from '../page-probe.ts';
import { log } from '../paired.ts';
import type { Row, Table } from '../report.ts';
import { startServe, type ServeProcess } from '../serve-process.ts';
import type { Context } from './context.ts';

const MiB = 2 ** 20;
const CALIBRATION_MS = 200;
const SETTLE_MS = 2000;
const PAUSED_SECONDS = 5;
/** A quick turn of a mouse wheel: 40 rows a second. */
const WHEEL_PX_PER_S = 2400;
const WHEEL_SECONDS = 4;

export const feedSize = (quick: boolean) => (quick ? { items: 1000, running: 16, idleSeconds: 5, dragSeconds: 3 } : { items: 10_000, running: 64, idleSeconds: 10, dragSeconds: 6 });

/** Servers started here and not yet stopped, for run.ts to stop on Ctrl-C. */
const live = new Set<ServeProcess>();
export const stopFeedServers = () => Promise.all([...live].map((serve) => serve.stop())).then(() => live.clear());
export const killFeedServers = () => live.forEach((serve) => serve.kill());

type Busy = ReturnType<typeof busyPerSecond>;

interface Scrolled extends Scroll {
  busy: Busy;
}

interface RoundFigures {
  idle: Busy;
  calibratedMs: number;
  /** Idle again once every download is paused. */
  paused: Busy;
  pausedSocketBytes: number;
  /** The whole list, top to bottom and back, as a dragged scrollbar does. */
  drag: Scrolled;
  /** A few screens down and back at a wheel's pace. */
  wheel: Scrolled;
  socketBytesPerSecond: number;
  socketFramesPerSecond: number;
  snapshotsPerSecond: number;
  serverCpuMsPerSecond: number;
  peakRssKiB: number;
  endRssKiB: number;
  loadSeconds: number;
  reloadSeconds: number;
  activeAtEnd: string;
}

export async function windowFeed(ctx: Context): Promise<Table> {
  const size = feedSize(ctx.quick);
  if (ctx.skipTsuzuki) return { id: 'window-feed', title: "The window's feed", rows: [{ tool: 'tsuzuki serve', runs: '0', failed: `not run (${ctx.skipTsuzuki})` }], notes: [] };
  // Each file is big enough that no download ends within a round (16 MiB at 16 KiB/s: 17 min).
  const names = sameFileManyNames(ctx.www, 'feed', size.items, 16 * MiB);
  const urls = names.map((name) => `${ctx.origin}/slow/${name}`);
  log(`window-feed: ${size.items} items, ${size.running} downloading at ${SLOW_RATE / 1024} KiB/s each; idle ${size.idleSeconds} s; the whole list scrolled in ${size.dragSeconds} s each way, then ${WHEEL_SECONDS} s at ${WHEEL_PX_PER_S} px/s`);
  const browser = await launchChromium();
  const rounds: RoundFigures[] = [];
  const started = Date.now();
  const budgetSeconds = ctx.quick ? 90 : 360;
  try {
    for (let round = 0; round < ctx.rounds; round++) {
      if (round > 0 && (Date.now() - started) / 1000 > budgetSeconds) {
        log(`  time budget of ${budgetSeconds} s used: stopping after ${round} round(s)`);
        break;
      }
      const figures = await oneRound(ctx, browser, urls, size, round);
      rounds.push(figures);
      log(
        `  round ${round + 1}/${ctx.rounds}: idle ${figures.idle.task.toFixed(0)} ms/s (CPU ${figures.idle.cpu.toFixed(0)}), frames p95 ${percentile(figures.drag.frames, 95).toFixed(1)} / ${percentile(figures.wheel.frames, 95).toFixed(1)} ms, ` +
          `socket ${(figures.socketBytesPerSecond / 1000).toFixed(1)} kB/s, server peak ${(figures.peakRssKiB / 1024).toFixed(1)} MiB, reload ${figures.reloadSeconds.toFixed(2)} s`,
      );
    }
  } finally {
    await browser.close();
  }
  return tableOf(rounds, size);
}

async function oneRound(ctx: Context, browser: Awaited<ReturnType<typeof launchChromium>>, urls: string[], size: ReturnType<typeof feedSize>, round: number): Promise<RoundFigures> {
  const dir = path.join(ctx.work, 'runs', `window-feed-${round + 1}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'files'), { recursive: true });
  const serve = await startServe(ctx.tsuzuki, { state: path.join(dir, 'state'), dir: path.join(dir, 'files') });
  live.add(serve);
  let open: OpenPage | undefined;
  try {
    const filled = await fillServe(serve.port, serve.token, { maxConcurrent: size.running, perHostConnections: size.running, connections: 1 }, urls);
    if (filled.added !== urls.length) throw new Error(`only ${filled.added} of ${urls.length} added (${filled.rejected} refused, first: ${filled.firstRejection})`);
    open = await openPage(browser, serve.url, urls.length, 120_000);
    const { page, cdp, received } = open;
    await waitForCount(page, 'active', size.running, 60_000);
    // The first list's rendering and garbage are not idle time.
    await page.waitForTimeout(SETTLE_MS);
    const calibratedMs = await calibrate(page, cdp, CALIBRATION_MS);

    const before = await metrics(cdp);
    const socketBefore = { ...received };
    const cpuBefore = serve.cpuSeconds();
    const clock = performance.now();
    await page.waitForTimeout(size.idleSeconds * 1000);
    const seconds = (performance.now() - clock) / 1000;
    const after = await metrics(cdp);
    const socketAfter = { ...received };
    const cpuAfter = serve.cpuSeconds();

    const scrolled = async (pixels: number, seconds: number): Promise<Scrolled> => {
      const start = await metrics(cdp);
      const scroll = await scrollList(page, pixels, seconds * 1000);
      return { ...scroll, busy: busyPerSecond(start, await metrics(cdp)) };
    };
    const drag = await scrolled(Number.MAX_SAFE_INTEGER, size.dragSeconds);
    const wheel = await scrolled(WHEEL_PX_PER_S * WHEEL_SECONDS, WHEEL_SECONDS);
    const activeAtEnd = (await page.textContent('#tab-active .count')) ?? '?';
    const reload = await reloadSeconds(page, urls.length, 120_000);

    // Nothing changing at all: whatever the page still spends is a cost per second of its own.
    await pauseAll(serve.port, serve.token);
    await waitForCount(page, 'active', 0, 60_000);
    await page.waitForTimeout(SETTLE_MS);
    const pausedBefore = await metrics(cdp);
    const socketPaused = { ...received };
    await page.waitForTimeout(PAUSED_SECONDS * 1000);
    const paused = busyPerSecond(pausedBefore, await metrics(cdp));
    const pausedSocketBytes = (received.bytes - socketPaused.bytes) / PAUSED_SECONDS;
    const memory = serve.memory();
    return {
      idle: busyPerSecond(before, after),
      calibratedMs,
      drag,
      wheel,
      paused,
      pausedSocketBytes,
      socketBytesPerSecond: (socketAfter.bytes - socketBefore.bytes) / seconds,
      socketFramesPerSecond: (socketAfter.frames - socketBefore.frames) / seconds,
      snapshotsPerSecond: (socketAfter.snapshots - socketBefore.snapshots) / seconds,
      serverCpuMsPerSecond: ((cpuAfter - cpuBefore) / seconds) * 1000,
      peakRssKiB: memory.peakKiB,
      endRssKiB: memory.rssKiB,
      loadSeconds: open.loadSeconds,
      reloadSeconds: reload,
      activeAtEnd,
    };
  } finally {
    await open?.page.context().close();
    await serve.stop();
    live.delete(serve);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function tableOf(rounds: RoundFigures[], size: ReturnType<typeof feedSize>): Table {
  const runs = String(rounds.length);
  /** Median and range of one figure over the rounds, formatted. */
  const spread = (pick: (r: RoundFigures) => number, digits = 0, unit = '') => {
    const values = rounds.map(pick);
    const f = (v: number) => v.toFixed(digits);
    const [low, high] = [f(Math.min(...values)), f(Math.max(...values))];
    return low === high ? `${f(median(values))}${unit}` : `${f(median(values))}${unit} (${low}–${high})`;
  };
  const seconds = (pick: (r: RoundFigures) => number): Partial<Row> => {
    const values = rounds.map(pick);
    return { seconds: median(values), ...(values.length > 1 ? { spread: [Math.min(...values), Math.max(...values)] as [number, number] } : {}) };
  };
  const framesRow = (tool: string, pick: (r: RoundFigures) => Scrolled, how: string): Row => ({
    tool,
    runs,
    throughput: `p50 ${spread((r) => percentile(pick(r).frames, 50), 1, ' ms')}, p95 ${spread((r) => percentile(pick(r).frames, 95), 1, ' ms')}, max ${spread((r) => Math.max(...pick(r).frames), 0, ' ms')}`,
    note: `${how}. ${spread((r) => pick(r).frames.length)} frames; main thread ${spread((r) => pick(r).busy.task, 0, ' ms/s')}, CPU ${spread((r) => pick(r).busy.cpu)}; ${spread((r) => pick(r).rowsAtBottom)} rows in the DOM at the turn`,
  });
  const rows: Row[] = [
    {
      tool: 'page main thread, idle',
      runs,
      throughput: `${spread((r) => r.idle.task, 0, ' ms/s')}; CPU ${spread((r) => r.idle.cpu)}; script ${spread((r) => r.idle.script)}, layout ${spread((r) => r.idle.layout)}, style ${spread((r) => r.idle.style)}`,
      note: `before (10,000 items, 64 running): ~150 ms/s. A ${CALIBRATION_MS} ms task counted as ${spread((r) => r.calibratedMs)} ms`,
    },
    framesRow('page frames, whole list', (r) => r.drag, `${spread((r) => r.drag.distance)} px in ${size.dragSeconds} s each way; before: p95 16.8 ms (how it scrolled is not recorded)`),
    framesRow('page frames, wheel pace', (r) => r.wheel, `${WHEEL_PX_PER_S} px/s for ${WHEEL_SECONDS} s each way; before: p95 16.8 ms (how it scrolled is not recorded)`),
    {
      tool: 'page main thread, all paused',
      runs,
      throughput: `${spread((r) => r.paused.task, 1, ' ms/s')}; CPU ${spread((r) => r.paused.cpu, 1)}; socket ${spread((r) => r.pausedSocketBytes)} B/s`,
      note: `${PAUSED_SECONDS} s after pauseAll, every item still in the list`,
    },
    {
      tool: 'page socket, idle',
      runs,
      throughput: `${spread((r) => r.socketBytesPerSecond / 1000, 1, ' kB/s')}, ${spread((r) => r.socketFramesPerSecond, 1)} frames/s, ${spread((r) => r.snapshotsPerSecond)} items/s`,
      note: `before: every running item ten times a second (${size.running * 10} items/s)`,
    },
    {
      tool: 'tsuzuki serve',
      runs,
      rssMiB: median(rounds.map((r) => r.peakRssKiB)) / 1024,
      throughput: `CPU ${spread((r) => r.serverCpuMsPerSecond, 0, ' ms/s')} idle; RSS at end ${spread((r) => r.endRssKiB / 1024, 1, ' MiB')}`,
      note: 'before (10,000 items, 64 running): RSS 182 MB',
    },
    { tool: 'page first load', runs, ...seconds((r) => r.loadSeconds), throughput: `${size.items} rows` },
    { tool: 'page reload', runs, ...seconds((r) => r.reloadSeconds), throughput: `${size.items} rows`, note: `active at reload: ${rounds.map((r) => r.activeAtEnd).join(', ')}` },
  ];
  return {
    id: 'window-feed',
    title: `The window's feed: ${size.items.toLocaleString('en')} items, ${size.running} downloading, in Chromium`,
    rows,
    notes: [
      `One fresh \`tsuzuki serve\` per round (--max-concurrent ${size.running} and per-host ${size.running} set over its WebSocket, one connection each), its ${size.items} URLs added in one \`add\`, each a 16 MiB file from nginx at ${SLOW_RATE / 1024} KiB/s; the page in headless Chromium (Debian's), 1100 × 680.`,
      `Idle: ${size.idleSeconds} s with nobody touching the page, ${SETTLE_MS / 1000} s after all ${size.running} were downloading. Main thread: CDP Performance.getMetrics TaskDuration per second, wall time (script, layout, style: its parts), and ThreadTime, the CPU it used (on a loaded machine the wall time is longer). Socket: bytes, frames and item snapshots received (Playwright's frame events).`,
      `Scrolling: the list placed by the clock at every animation frame (scrollTop), the whole list top to bottom in ${size.dragSeconds} s and back as a dragged scrollbar would, then ${WHEEL_SECONDS} s down and back at ${WHEEL_PX_PER_S} px/s (40 rows a second); frame = interval between requestAnimationFrame callbacks (16.7 ms at 60 Hz).`,
      'Server: peak RSS is the kernel’s VmHWM of the serve process at the end of the round; CPU is user + system over the idle window (the downloads’ own work included).',
      `Figures: median of ${runs} round(s), range in brackets.`,
    ],
  };
}
