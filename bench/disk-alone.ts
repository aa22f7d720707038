// The disk's pace for a durable file written the way Tsuzuki writes one, with no network:
// a page-cached copy read in 64 KiB chunks (a socket's size) through the engine's own
// PositionalWriter and PartFile (512 KiB positional writes, a background fdatasync every
// 16 MiB, the final fdatasync). A download cannot finish sooner than this on the same disk,
// so the single-file table shows it next to the page-cache-only curl.
//
//   node bench/disk-alone.ts SOURCE DESTINATION

import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { PartFile } from '../main/engine/part-file.ts';
import { PositionalWriter } from '../main/engine/positional-writer.ts';

const [source, destination] = process.argv.slice(2);
if (!source || !destination) {
  console.error('Usage: node bench/disk-alone.ts SOURCE DESTINATION');
  process.exit(2);
}
const file = await PartFile.createExclusive(destination);
const writer = new PositionalWriter({ file, position: 0, limit: () => Infinity, onAccepted: () => {}, onWritten: () => {}, onLimitReached: () => {} });
await pipeline(fs.createReadStream(source, { highWaterMark: 64 * 1024 }), writer);
await file.sync();
await file.close();
