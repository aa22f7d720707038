// Speeds and sizes as people write them, in the units the window and every message use: SI
// decimal, as Chrome and macOS count (500K = 500,000, 2M = 2,000,000), with the binary units
// spelled out for those who mean them (2MiB = 2 × 1024²). Plain digits are bytes; a trailing
// B is allowed, and on a speed a trailing /s.

const DECIMAL: Record<string, number> = { '': 1, k: 1e3, m: 1e6, g: 1e9, t: 1e12 };
const BINARY: Record<string, number> = { k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };
const AMOUNT = String.raw`^\s*(\d+(?:\.\d+)?)\s*(?:([kmgt])(i)?)?b?`;
const RATE = new RegExp(`${AMOUNT}(?:/s|ps)?\\s*$`, 'i');
const SIZE = new RegExp(`${AMOUNT}\\s*$`, 'i');

/** Bytes per second, or null when the text is not a speed. */
export function parseRate(text: string): number | null {
  return bytesOf(RATE.exec(text));
}

/** Bytes, or null when the text is not a size (`32M` = 32,000,000; `32MiB` = 32 × 1024²). */
export function parseSize(text: string): number | null {
  return bytesOf(SIZE.exec(text));
}

function bytesOf(match: RegExpExecArray | null): number | null {
  if (!match) return null;
  const prefix = (match[2] ?? '').toLowerCase();
  const unit = match[3] ? BINARY[prefix] : DECIMAL[prefix];
  return Math.round(Number(match[1]) * unit!);
}
