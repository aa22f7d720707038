// `npm run bench`: Tsuzuki against curl and aria2c on loopback servers started here, printed
// as tables of medians and ratios. Not part of `npm test` (it takes minutes and measures time).
//   npm run bench -- --quick            smaller sizes, a minute or two
//   npm run bench -- --only capped      one scenario (single-file, capped, small-files, slow-rss)
//   npm run bench -- --runs 5           rounds per measurement (default 3)

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { bigFile, DATA_DIR, smallFiles as makeSmallFiles } from './data.ts';
import { startNginx } from './nginx.ts';
import { printTable, type Row } from './report.ts';
import { capped } from './scenarios/capped.ts';
import type { Context } from './scenarios/context.ts';
import { singleFile } from './scenarios/single-file.ts';
import { slowRss } from './scenarios/slow-rss.ts';
import { smallFiles } from './scenarios/small-files.ts';

const SCENARIOS: Record<string, [title: string, run: (ctx: Context) => Promise<Row[]>]> = {
  'single-file': ['One big file from nginx to disk, one connection', singleFile],
  capped: ['A server capping each connection at 4 MB/s', capped],
  'small-files': ['2,000 files of 16 KiB, 16 at a time', smallFiles],
  'slow-rss': ['200 slow downloads at once: peak memory', slowRss],
};

const { values } = parseArgs({ options: { only: { type: 'string', multiple: true }, quick: { type: 'boolean' }, runs: { type: 'string' } } });
const chosen = values.only ?? Object.keys(SCENARIOS);
for (const name of chosen) if (!SCENARIOS[name]) throw new Error(`Unknown scenario "${name}". Choose from: ${Object.keys(SCENARIOS).join(', ')}.`);
for (const tool of ['nginx', 'curl', 'aria2c', '/usr/bin/time', 'timeout']) {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
  } catch {
    throw new Error(`${tool} is missing: apt-get install nginx-light curl aria2 time`);
  }
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tsuzuki-bench-'));
const root = path.join(DATA_DIR, 'www');
fs.mkdirSync(root, { recursive: true });
const nginx = await startNginx(root, path.join(work, 'nginx'));
const stop = () => void nginx.stop().finally(() => process.exit(130));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);

const ctx: Context = {
  origin: nginx.origin,
  work,
  runs: Number(values.runs ?? 3),
  quick: values.quick ?? false,
  file: (name, bytes) => void bigFile(name, bytes),
  smallFiles: makeSmallFiles,
};

const header = `# Tsuzuki benchmark, ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}${ctx.quick ? ' (quick sizes)' : ''}`;
console.log(header);
const report = [header];
try {
  for (const name of chosen) {
    const [title, run] = SCENARIOS[name]!;
    report.push(printTable(title, await run(ctx)));
  }
} finally {
  await nginx.stop();
  fs.rmSync(work, { recursive: true, force: true });
}
fs.writeFileSync(path.join(DATA_DIR, 'last-report.md'), report.join('\n') + '\n');
console.log(`\n(also written to ${path.relative(process.cwd(), path.join(DATA_DIR, 'last-report.md'))})`);
