// Content-level helpers: undoing a content coding the server applied against our wishes,
// and hashing a finished file.

import crypto from 'node:crypto';
import fs from 'node:fs';
import type { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { DownloadError } from './errors.ts';

/** A decoder for a Content-Encoding, so the saved file is the content, not its compressed form. */
export function decoderFor(encoding: string): Transform {
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      return zlib.createInflate();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      throw new DownloadError('ERR_HTTP_STATUS', { params: { variant: 'encoding', encoding }, action: 'checkLink' });
  }
}

/**
 * The error a decoder stage failed with, if it was its own (zlib's `Z_…` codes, brotli's
 * `ERR__ERROR_…`): the body is not what its Content-Encoding says (garbage, a stream cut
 * short with a length that still matched, a bad checksum). The same bytes come every time,
 * so it is no network fault and not retried. An error passed in from elsewhere (the network,
 * the disk) is not the decoder's and gives undefined.
 */
export function undecodableBody(encoding: string, error: unknown): DownloadError | undefined {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  if (typeof code !== 'string' || !/^Z_|^ERR__ERROR_|BROTLI/.test(code)) return undefined;
  return new DownloadError('ERR_UNDECODABLE_BODY', { params: { encoding, detail: code }, action: 'tellSite', cause: error });
}

/** The SHA-256 of the first `size` bytes behind an open descriptor (which stays open). */
export async function sha256OfDescriptor(fd: number, size: number): Promise<string> {
  const hash = crypto.createHash('sha256');
  if (size > 0) await pipeline(fs.createReadStream('', { fd, start: 0, end: size - 1, autoClose: false, highWaterMark: 1 << 20 }), hash);
  return hash.digest('hex');
}
