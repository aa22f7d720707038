// A pass-through stream that holds each chunk until the speed limits allow it. While it
// holds a chunk the network is not to blame, so it tells the stall watchdog to look away.

import { Transform, type TransformCallback } from 'node:stream';
import type { TokenBucket } from './token-bucket.ts';

export class Throttle extends Transform {
  #buckets: () => TokenBucket[];
  #onHold: (holding: boolean) => void;
  #timer: NodeJS.Timeout | undefined;

  constructor(buckets: () => TokenBucket[], onHold: (holding: boolean) => void) {
    super({ highWaterMark: 64 * 1024 });
    this.#buckets = buckets;
    this.#onHold = onHold;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    let wait = 0;
    for (const bucket of this.#buckets()) wait = Math.max(wait, bucket.take(chunk.length));
    if (wait < 1) return callback(null, chunk);
    this.#onHold(true);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#onHold(false);
      callback(null, chunk);
    }, wait);
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    clearTimeout(this.#timer);
    callback(error);
  }
}
