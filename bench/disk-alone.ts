// The disk's pace for a durable file written the way Tsuzuki writes one, with no network:
// a page-cached copy goes through the engine's own PositionalWriter and PartFile (512 KiB
// positional writes, a background fdatasync every 16 MiB, the final fdatasync). It is read
// synchronously, 512 KiB at a time, so the reading costs next to nothing and leaves the
// thread pool to the writes (a read stream's 64 KiB reads, each a trip to the pool, made it
// a second slower than a download). The single-file table shows it next to the
// page-cache-only curl: what the disk takes for the durable part of the job.
//
//   node bench/disk-alone.ts SOURCE DESTINATION

import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PartFile } from '../main/engine/part-file.ts';
import { PositionalWriter } from '../main/engine/positional-writer.ts';

function* chunksOf(path: string): Generator<Buffer> {
  const fd = fs.openSync(path, 'r');
  try {
    for (;;) {
      const chunk = Buffer.allocUnsafe(512 * 1024);
      const read = fs.readSync(fd, chunk);
      if (read === 0) return;
      yield chunk.subarray(0, read);
    }
  } finally {
    fs.closeSync(fd);
  }
}

const [source, destination] = process.argv.slice(2);
if (!source || !destination) {
  console.error('Usage: node bench/disk-alone.ts SOURCE DESTINATION');
  process.exit(2);
}
const file = await PartFile.createExclusive(destination);
const writer = new PositionalWriter({ file, position: 0, limit: () => Infinity, onAccepted: () => {}, onWritten: () => {}, onLimitReached: () => {} });
await pipeline(Readable.from(chunksOf(source), { objectMode: false }), writer);
await file.sync();
await file.close();
