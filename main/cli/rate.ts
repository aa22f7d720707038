// Speed limits as people write them, in the units the window and every message use: SI
// decimal, as Chrome and macOS count (500K = 500,000 B/s, 2M = 2,000,000 B/s), with the
// binary units spelled out for those who mean them (2MiB = 2 × 1024² B/s). Plain digits are
// bytes per second; a trailing B or /s is allowed.

const DECIMAL: Record<string, number> = { '': 1, k: 1e3, m: 1e6, g: 1e9, t: 1e12 };
const BINARY: Record<string, number> = { k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };

/** Bytes per second, or null when the text is not a speed. */
export function parseRate(text: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(?:([kmgt])(i)?)?b?(?:\/s|ps)?\s*$/i.exec(text);
  if (!match) return null;
  const prefix = (match[2] ?? '').toLowerCase();
  const unit = match[3] ? BINARY[prefix] : DECIMAL[prefix];
  return Math.round(Number(match[1]) * unit!);
}
