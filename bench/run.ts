// `npm run bench`: Tsuzuki against curl and aria2c on a loopback nginx started here, printed
// as one table of medians and ratios per scenario. Not part of `npm test`: it takes minutes
// and measures the machine as much as the code. See bench/README.md.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CACHE_DIR } from './data.ts';
import { stopRunning } from './measure.ts';
import { NGINX, startNginx, type Nginx } from './nginx.ts';
import { log } from './paired.ts';
import { CHROMIUM } from './page-probe.ts';
import { formatTable, type Table } from './report.ts';
import { CAPPED_RATE, capped } from './scenarios/capped.ts';
import type { Context } from './scenarios/context.ts';
import { singleFile } from './scenarios/single-file.ts';
import { slowCount, slowRss } from './scenarios/slow-rss.ts';
import { smallFiles } from './scenarios/small-files.ts';
import { killFeedServers, stopFeedServers, windowFeed } from './scenarios/window-feed.ts';
import { startCappedServer, type CappedServer } from './start-capped-server.ts';
import { probeTsuzuki, versionOf } from './tools.ts';

const USAGE = `Usage: npm run bench -- [options]

  --only NAME[,NAME]   run only these scenarios: ${'single-file, capped, small-files, slow-rss, window-feed'}
  --quick              small sizes (64 MiB, 20 MiB, 200 files, 40 downloads, 1,000 items in the
                       window): about three minutes
  --rounds N           runs of each tool per measurement, alternating (default 3)
  --peers-only         measure curl and aria2c only
  --clean              delete the cached big files in .bench-data/ first
  -h, --help           this help

The report is printed and also written to .bench-data/last-report.md (and .json).`;

const SCENARIOS: Record<string, (ctx: Context) => Promise<Table>> = {
  'single-file': singleFile,
  capped,
  'small-files': smallFiles,
  'slow-rss': slowRss,
  'window-feed': windowFeed,
};

const { values } = parseArgs({
  options: {
    only: { type: 'string', multiple: true },
    quick: { type: 'boolean', default: false },
    rounds: { type: 'string', default: '3' },
    'peers-only': { type: 'boolean', default: false },
    clean: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const chosen = (values.only ?? Object.keys(SCENARIOS)).flatMap((name) => name.split(',')).filter(Boolean);
for (const name of chosen) if (!SCENARIOS[name]) fail(`unknown scenario "${name}". Choose from: ${Object.keys(SCENARIOS).join(', ')}.`);
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1 || rounds > 20) fail(`--rounds must be a whole number from 1 to 20, not "${values.rounds}".`);
if (Number(process.versions.node.split('.')[0]) < 24) fail(`Node ${process.version} cannot run the TypeScript sources; use \`npm run bench\` (the project's Node 24).`);
for (const [tool, hint] of [
  [NGINX, 'nginx-light'],
  ['curl', 'curl'],
  ['aria2c', 'aria2'],
  ['/usr/bin/time', 'time'],
  ['timeout', 'coreutils'],
] as const) {
  try {
    execFileSync('sh', ['-c', `command -v "$0"`, tool], { stdio: 'ignore' });
  } catch {
    fail(`${tool} is missing (apt-get install ${hint}).`);
  }
}
if (chosen.includes('window-feed') && !CHROMIUM) fail('window-feed needs Chromium (apt-get install chromium, or set CHROMIUM_PATH).');
if (values.clean) fs.rmSync(CACHE_DIR, { recursive: true, force: true });

const cli = probeTsuzuki();
const skipTsuzuki = values['peers-only'] ? '--peers-only' : cli.exists ? undefined : 'bin/tsuzuki.js not found';
if (!skipTsuzuki && cli.unlisted.length > 0) log(`note: tsuzuki get --help does not list ${cli.unlisted.join(', ')}; runs that need them may fail`);

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tsuzuki-bench-'));
const www = path.join(work, 'www');
fs.mkdirSync(www, { recursive: true });
let nginx: Nginx | undefined;
let cappedServer: CappedServer | undefined;
let cleaning: Promise<void> | undefined;
let stopping = false;
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    await stopRunning();
    await stopFeedServers();
    await nginx?.stop();
    await cappedServer?.stop();
    fs.rmSync(work, { recursive: true, force: true });
  })();
  return cleaning;
}
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
] as const) {
  process.once(signal, () => {
    stopping = true;
    log(`\n${signal}: stopping the running tool and the servers, removing ${work}; no report written`);
    void cleanUp().finally(() => process.exit(code));
  });
}
// Last resort if the process ends some other way: nginx must not outlive the benchmark.
process.once('exit', () => {
  nginx?.kill();
  cappedServer?.kill();
  killFeedServers();
});

const tables: Table[] = [];
const errors: string[] = [];
const header = describeMachine();
console.log(header.join('\n'));
try {
  nginx = await startNginx({ root: www, work: path.join(work, 'nginx'), extraHosts: chosen.includes('slow-rss') ? slowCount(values.quick) : 0 });
  log(`nginx (pid ${nginx.pid}) on ${nginx.origin}; scratch folder ${work}`);
  if (chosen.includes('capped')) {
    cappedServer = await startCappedServer(www, CAPPED_RATE);
    log(`capped server (pid ${cappedServer.pid}) on ${cappedServer.origin}`);
  }
  const ctx: Context = { origin: nginx.origin, ...(cappedServer ? { cappedOrigin: cappedServer.origin } : {}), hostOrigins: nginx.hostOrigins, www, work, rounds, quick: values.quick, tsuzuki: cli, ...(skipTsuzuki ? { skipTsuzuki } : {}) };
  for (const name of chosen) {
    try {
      const table = await SCENARIOS[name]!(ctx);
      tables.push(table);
      console.log(`\n${formatTable(table)}`);
    } catch (error) {
      if (stopping) break;
      // A fault of the benchmark itself (not of a tool): say so and go on with the rest.
      const message = `scenario ${name} could not run: ${(error as Error).stack ?? error}`;
      errors.push(message);
      console.error(`\n${message}`);
    }
  }
} finally {
  await cleanUp();
}
// Interrupted: the signal handler ends the process once the clean-up is done.
if (stopping) await new Promise(() => {});
fs.mkdirSync(CACHE_DIR, { recursive: true });
const markdown = [...header, '', ...tables.map(formatTable).flatMap((t) => [t, '']), ...errors.map((e) => `ERROR: ${e.split('\n')[0]}`)].join('\n');
fs.writeFileSync(path.join(CACHE_DIR, 'last-report.md'), markdown + '\n');
fs.writeFileSync(path.join(CACHE_DIR, 'last-report.json'), JSON.stringify({ header, tables, errors }, null, 2) + '\n');
log(`\nAlso written to ${path.relative(process.cwd(), path.join(CACHE_DIR, 'last-report.md'))} and .json`);
process.exitCode = errors.length > 0 ? 1 : 0;

function describeMachine(): string[] {
  const cpus = os.cpus();
  let commit = 'unknown';
  try {
    const root = path.resolve(import.meta.dirname, '..');
    commit = execFileSync('git', ['-C', root, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    if (execFileSync('git', ['-C', root, 'status', '--porcelain'], { encoding: 'utf8' }).trim()) commit += ' + uncommitted changes';
  } catch {
    // Not a git checkout.
  }
  return [
    `# Tsuzuki benchmark, ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}${values.quick ? ' (--quick sizes)' : ''}`,
    '',
    `- Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.type()} ${os.release()}`,
    `- Tools: tsuzuki ${commit} on Node ${process.version}; curl ${versionOf(['curl', '--version'])}, aria2c ${versionOf(['aria2c', '--version'])}, nginx ${versionOf([NGINX, '-v'])}`,
    `- Load average at start: ${os.loadavg().map((l) => l.toFixed(2)).join(', ')} (other work on the machine makes figures noisy)`,
    `- Rounds: ${rounds} per measurement, alternating tools; medians shown${skipTsuzuki ? `; tsuzuki not run (${skipTsuzuki})` : ''}`,
  ];
}

function fail(message: string): never {
  console.error(`bench: ${message}\n\n${USAGE}`);
  process.exit(2);
}
