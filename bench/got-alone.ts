// The HTTP layer alone, for reading the small-files table: got streams (the library the
// engine downloads with), 16 at a time over keep-alive connections, each body piped into
// its own file with `fs.createWriteStream`. No names chosen, no records, no fdatasync, no
// rename: less than any download manager does per file, so no Tsuzuki built on got can
// finish sooner on this machine.
//
//   node bench/got-alone.ts URL-LIST FOLDER PARALLEL

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import got from 'got';

const [list, folder, parallelText] = process.argv.slice(2);
const parallel = Number(parallelText);
if (list === undefined || folder === undefined || !Number.isInteger(parallel) || parallel < 1) {
  console.error('Usage: node bench/got-alone.ts URL-LIST FOLDER PARALLEL');
  process.exit(2);
}
const into: string = folder;
const urls = fs.readFileSync(list, 'utf8').split('\n').filter(Boolean);
const agent = new http.Agent({ keepAlive: true, maxSockets: parallel });
let next = 0;

async function worker(): Promise<void> {
  while (next < urls.length) {
    const url = urls[next++]!;
    const name = path.posix.basename(new URL(url).pathname);
    await pipeline(got.stream(url, { agent: { http: agent }, retry: { limit: 0 } }), fs.createWriteStream(path.join(into, name)));
  }
}

await Promise.all(Array.from({ length: parallel }, worker));
agent.destroy();
