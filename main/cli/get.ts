// `tsuzuki get URL…`: downloads into a folder with a progress bar per file. Running the same
// command again after any interruption (Ctrl-C, SIGTERM, kill -9, a lost network) picks the
// same items out of the state folder and continues them from their checkpoints.

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { HEADER_NAME_MAX_LENGTH, HEADER_VALUE_MAX_LENGTH, PROXY_MAX_LENGTH, SHA256_PATTERN, WHOLE_NUMBER_LIMITS, withinLimits, type WholeNumberSetting } from '../contract-limits.ts';
import { DownloadManager } from '../engine/download-manager.ts';
import { DownloadError } from '../engine/errors.ts';
import { shownLink, webUrlOf } from '../engine/web-url.ts';
import type { ErrorInfo } from '../engine/errors.ts';
import type { ItemSnapshot, Settings } from '../engine/item.ts';
import { watchNetwork } from '../host/network-watch.ts';
import { confStoreProvider } from '../stores/conf-store.ts';
import { checkProxyUrl } from '../engine/proxy-agents.ts';
import { parseHeaderLines } from '../engine/request-headers.ts';
import { BadLinks, checkLinks, readUrlList, type GivenLink } from './given-links.ts';
import { errorText, problemText, say, setAsideText, stateProblemText, UsageError } from './messages.ts';
import { parseRate, parseSize } from './rate.ts';
import { createProgressView } from './progress-view.ts';
import { defaultStateDir } from './state-dir.ts';
import { terminalLink, terminalText } from './terminal-text.ts';

const LOCK_WAIT_MS = 10 * 60_000;

interface GetOptions {
  urls: string[];
  dir: string;
  sha256: string | undefined;
  /** The link of an unfinished download the one URL replaces (an expired link). */
  insteadOf: string | undefined;
  stateDir: string;
  quiet: boolean;
  settings: Partial<Settings>;
  /** Request headers for every URL of this run (never printed). */
  headers: Record<string, string>;
}

export async function getCommand(argv: string[]): Promise<number> {
  let options: GetOptions;
  try {
    const parsed = parseGetArgs(argv);
    if (parsed === 'help') {
      console.log(say('get.help'));
      return 0;
    }
    options = parsed;
  } catch (error) {
    if (error instanceof BadLinks) {
      for (const { where, error: problem } of error.links) console.error(`tsuzuki get: ${where}: ${terminalText(errorText(problem))}`);
      console.error(`tsuzuki get: ${say('get.badLinks', { count: error.links.length })}\n${say('get.seeHelp')}`);
    } else {
      console.error(`tsuzuki get: ${terminalText(problemText(error, argv, OPTIONS))}\n${say('get.seeHelp')}`);
    }
    return 2;
  }
  return runGet(options);
}

const OPTIONS = {
  dir: { type: 'string', short: 'd' },
  sha256: { type: 'string' },
  'instead-of': { type: 'string' },
  input: { type: 'string', short: 'i' },
  connections: { type: 'string', short: 'x' },
  'max-concurrent': { type: 'string', short: 'j' },
  'per-host': { type: 'string' },
  limit: { type: 'string' },
  retries: { type: 'string' },
  'stall-timeout': { type: 'string' },
  'disk-reserve': { type: 'string' },
  state: { type: 'string' },
  header: { type: 'string', short: 'H', multiple: true },
  'user-agent': { type: 'string', short: 'A' },
  referer: { type: 'string', short: 'e' },
  proxy: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
} as const;

function parseGetArgs(argv: string[]): GetOptions | 'help' {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: OPTIONS,
  });
  if (values.help) return 'help';
  // An empty folder or file (`--dir "$UNSET"`) would quietly mean the current folder or none.
  for (const flag of ['dir', 'state', 'input'] as const) {
    if (values[flag] === '') throw new UsageError('needsValue', { option: `--${flag}` });
  }
  const given: GivenLink[] = positionals.map((url) => ({ url }));
  if (values.input) given.push(...readUrlList(values.input));
  if (given.length === 0) throw new UsageError('get.noUrl');
  const urls = given.map(({ url }) => url);
  checkLinks(values['instead-of'] === undefined ? given : [...given, { url: values['instead-of'], from: '--instead-of' }]);
  if (values.sha256 !== undefined) {
    if (!SHA256_PATTERN.test(values.sha256)) throw new UsageError('get.badSha256', { value: values.sha256 });
    if (urls.length > 1) throw new UsageError('get.sha256OneUrl');
  }
  if (values['instead-of'] !== undefined && urls.length !== 1) throw new UsageError('get.insteadOfOneUrl');
  // One connection unless asked, as curl and aria2c do: a script sees one request stream
  // per file. The app's default (8) is a stored setting the CLI does not share.
  const settings: Partial<Settings> = { autoResume: false, connections: 1 };
  // The limits are the contract's, the same the window's Settings are held to.
  if (values.connections !== undefined) settings.connections = wholeNumber('--connections', values.connections, 'connections');
  if (values['max-concurrent'] !== undefined) settings.maxConcurrent = wholeNumber('--max-concurrent', values['max-concurrent'], 'maxConcurrent');
  if (values['per-host'] !== undefined) settings.perHostConnections = wholeNumber('--per-host', values['per-host'], 'perHostConnections');
  if (values.limit !== undefined) {
    const rate = parseRate(values.limit);
    if (rate === null || !Number.isSafeInteger(rate) || rate < 0) throw new UsageError('get.badRate', { value: values.limit });
    // Under one byte a second rounds to 0, which means no limit: the opposite of what was asked.
    if (rate === 0 && /[1-9]/.test(values.limit)) throw new UsageError('get.rateTooSmall', { value: values.limit });
    settings.speedLimit = rate;
  }
  if (values['disk-reserve'] !== undefined) {
    const size = parseSize(values['disk-reserve']);
    if (size === null || !withinLimits('diskReserveBytes', size)) throw new UsageError('get.badDiskReserve', { value: values['disk-reserve'] });
    settings.diskReserveBytes = size;
  }
  if (values.retries !== undefined) settings.maxRetries = wholeNumber('--retries', values.retries, 'maxRetries');
  if (values['stall-timeout'] !== undefined) settings.stallTimeoutMs = wholeNumber('--stall-timeout', values['stall-timeout'], 'stallTimeoutMs', 1000);
  if (values.proxy !== undefined) {
    if (values.proxy.length > PROXY_MAX_LENGTH) throw new UsageError('get.proxyTooLong', { max: PROXY_MAX_LENGTH });
    settings.proxy = checkProxyUrl(values.proxy);
  }
  // As in curl, -A and -e are shorthands for the headers; an explicit -H of the same name wins.
  const lines = [
    ...(values['user-agent'] !== undefined ? [`User-Agent: ${values['user-agent']}`] : []),
    ...(values.referer !== undefined ? [`Referer: ${values.referer}`] : []),
  ];
  const shorthand = parseHeaderLines(lines);
  const explicit = parseHeaderLines(values.header ?? []);
  const headers = { ...shorthand, ...explicit };
  const headerFits = ([name, value]: [string, string]) => name.length >= 1 && name.length <= HEADER_NAME_MAX_LENGTH && value.length <= HEADER_VALUE_MAX_LENGTH;
  if (!Object.entries(headers).every(headerFits)) {
    throw new UsageError('get.headerTooLong', { nameMax: HEADER_NAME_MAX_LENGTH, valueMax: HEADER_VALUE_MAX_LENGTH });
  }
  return {
    urls,
    dir: path.resolve(values.dir ?? '.'),
    sha256: values.sha256?.toLowerCase(),
    insteadOf: values['instead-of'],
    stateDir: values.state ? path.resolve(values.state) : cliStateDir(path.resolve(values.dir ?? '.')),
    quiet: values.quiet ?? false,
    settings,
    headers,
  };
}

async function runGet(options: GetOptions): Promise<number> {
  let manager: DownloadManager;
  try {
    manager = await openWhenFree(options);
  } catch (error) {
    console.error(`tsuzuki get: ${terminalText(say('get.stateFolder', { dir: options.stateDir, problem: stateProblemText(error) }))}`);
    return 1;
  }
  for (const doc of manager.unreadableDocuments) console.error(`tsuzuki: ${terminalText(setAsideText(doc))}`);
  // Loading the bars (a terminal only) starts now, while the links are read and added.
  const viewLoaded = createProgressView(options.quiet);
  const ids: string[] = [];
  let failures = 0;
  const fresh: string[] = [];
  const previousRuns = itemsByUrl(manager, options.dir);
  for (const url of options.urls) {
    if (options.insteadOf !== undefined && relinked(manager, previousRuns, options, url, ids)) continue;
    const previous = findPrevious(previousRuns, url);
    if (previous?.state === 'done' && previous.path && fs.existsSync(previous.path)) {
      if (!options.quiet) console.log(terminalText(say('get.alreadyDownloaded', { path: previous.path })));
      continue;
    }
    if (previous && previous.state !== 'done') {
      ids.push(previous.id);
      manager.resume([previous.id]);
    } else {
      fresh.push(url);
    }
  }
  if (fresh.length > 0) {
    const headers = Object.keys(options.headers).length > 0 ? { headers: options.headers } : {};
    const { added, rejected } = manager.add(fresh, { dir: options.dir, ...(options.sha256 ? { sha256: options.sha256 } : {}), ...headers });
    ids.push(...added);
    for (const { url, error } of rejected) {
      failures += 1;
      console.error(`tsuzuki: ${terminalLink(shownLink(url))}: ${terminalText(errorText(error))}`);
    }
  }

  const view = await viewLoaded;
  // Records that cannot be written (a full state disk) are said at once, quiet or not: an
  // interruption meanwhile loses what was downloaded since the last one that was.
  let unsavedTold = false;
  const showSaveProblem = (problem: ErrorInfo | undefined) => {
    unsavedTold = problem !== undefined;
    view.note(`tsuzuki: ${terminalText(problem ? say('get.notSaved', { reason: errorText(problem, { withoutAction: true }) }) : say('get.savedAgain'))}`);
  };
  manager.on('saveProblem', showSaveProblem);
  if (manager.saveProblem) showSaveProblem(manager.saveProblem);
  // A set: with thousands of URLs, a list lookup per changed item was most of the CLI's own time.
  const ours = new Set(ids);
  // Quiet, nothing listens: the engine then makes no snapshots for nobody.
  const showChanges = ({ changed }: { changed: ItemSnapshot[] }) => view.update(changed.filter((item) => ours.has(item.id)));
  if (!options.quiet) manager.on('items', showChanges);
  // A laptop back on Wi-Fi: downloads waiting out a backoff go at once.
  const network = watchNetwork(() => manager.networkBack());
  const interrupted = new Promise<number>((resolve) => {
    const stop = (code: number) => () => resolve(code);
    process.once('SIGINT', stop(130));
    process.once('SIGTERM', stop(143));
  });
  const outcome = await Promise.race([manager.whenIdle().then(() => 0), interrupted]);
  network.stop();
  // Unheard before the bars stop: an update after the stop would start them drawing again,
  // and their timer would keep the process from ever exiting.
  manager.off('items', showChanges);
  manager.off('saveProblem', showSaveProblem);
  // The last state of each, which the next batch would have carried: a bar ends at 100 %.
  if (!options.quiet) view.update(ids.flatMap((id) => manager.get(id) ?? []));
  view.stop();
  if (outcome !== 0) {
    await manager.close();
    const unsaved = manager.saveProblem;
    console.error(`tsuzuki: ${terminalText(unsaved ? say('get.interruptedNotSaved', { reason: errorText(unsaved, { withoutAction: true }) }) : say('get.interrupted'))}`);
    return outcome;
  }
  for (const id of ids) {
    const item = manager.get(id);
    if (!item) continue;
    if (item.state === 'done') {
      if (!options.quiet) console.log(terminalText(say('get.saved', { path: item.path })));
    } else {
      failures += 1;
      console.error(`tsuzuki: ${terminalLink(shownLink(item.url))}: ${terminalText(item.error ? errorText(item.error) : say('get.stoppedWhile', { state: say(`progress.states.${item.state}`) }))}`);
    }
  }
  await manager.close();
  // The last records (the finished ones among them) could not be written either.
  if (manager.saveProblem && !unsavedTold) console.error(`tsuzuki: ${terminalText(say('get.notSaved', { reason: errorText(manager.saveProblem, { withoutAction: true }) }))}`);
  return failures > 0 ? 1 : 0;
}

/**
 * The default state folder is one per download folder: runs into different folders (tests
 * in parallel, two terminals) never wait for each other, and a run repeated into the same
 * folder finds what the last one left.
 */
function cliStateDir(dir: string): string {
  return path.join(defaultStateDir('cli'), crypto.createHash('sha256').update(dir).digest('hex').slice(0, 16));
}

/** Another run owns the state folder: wait for it (bounded), as package managers wait for their lock. */
async function openWhenFree(options: GetOptions): Promise<DownloadManager> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (let said = false; ; said = true) {
    try {
      return await DownloadManager.open({ store: confStoreProvider(options.stateDir), overrides: options.settings });
    } catch (error) {
      if (!(error instanceof DownloadError) || error.code !== 'ERR_STATE_LOCKED' || Date.now() > deadline) throw error;
      if (!said) console.error(`tsuzuki: ${say('get.waitingForLock', { reason: errorText(error.info(), { withoutAction: true }) })}`);
      await sleep(250);
    }
  }
}

/**
 * `--instead-of OLD`: the one URL is a fresh link for the unfinished download of OLD in this
 * folder, as the window's Change link… gives one: its bytes are kept if the file is the same.
 * Without such a download, the URL is downloaded as any other (said in a line).
 */
function relinked(manager: DownloadManager, previousRuns: Map<string, ItemSnapshot[]>, options: GetOptions, url: string, ids: string[]): boolean {
  const previous = findPrevious(previousRuns, options.insteadOf!);
  if (!previous || previous.state === 'done') {
    console.error(`tsuzuki: ${terminalText(say('get.nothingToContinue', { old: shownLink(options.insteadOf!), dir: options.dir, link: shownLink(url) }))}`);
    return false;
  }
  manager.changeUrl(previous.id, url);
  ids.push(previous.id);
  return true;
}

/** The items of earlier runs into `dir`, by URL, in list order (listed once, not once per URL). */
function itemsByUrl(manager: DownloadManager, dir: string): Map<string, ItemSnapshot[]> {
  const byUrl = new Map<string, ItemSnapshot[]>();
  for (const item of manager.list()) {
    if (item.dir !== dir) continue;
    const same = byUrl.get(item.url);
    if (same) same.push(item);
    else byUrl.set(item.url, [item]);
  }
  return byUrl;
}

function findPrevious(previousRuns: Map<string, ItemSnapshot[]>, url: string): ItemSnapshot | undefined {
  const href = webUrlOf(url)?.href;
  if (href === undefined) return undefined;
  const matches = previousRuns.get(href) ?? [];
  return matches.find((item) => item.state !== 'done') ?? matches.at(-1);
}

/** A flag's whole number, held to the setting's limits; `unit` scales it (seconds → ms). */
function wholeNumber(flag: string, value: string, setting: WholeNumberSetting, unit = 1): number {
  const number = /^\s*\d+\s*$/.test(value) ? Number(value) * unit : NaN;
  if (!withinLimits(setting, number)) {
    const { min, max } = WHOLE_NUMBER_LIMITS[setting];
    throw new UsageError('get.badWholeNumber', { flag, min: Math.ceil(min / unit), max: Math.floor(max / unit), value });
  }
  return number;
}
