// Numbers for people: sizes, speeds, durations, ordinals, hosts.

import prettyBytes from 'pretty-bytes';

/**
 * `45.2 MB`, `719 MB`, `1.2 GB`: at most one decimal and three significant digits. The value
 * is rounded here rather than through pretty-bytes' fraction option, which goes through
 * toLocaleString and costs a few milliseconds per batch of rows.
 */
export function formatBytes(bytes: number): string {
  const value = Number.isFinite(bytes) ? Math.max(0, bytes) : 0;
  if (value < 1000) return prettyBytes(Math.round(value));
  const unit = 1000 ** Math.min(Math.floor(Math.log10(value) / 3), 8);
  return prettyBytes((Math.round((value / unit) * 10) / 10) * unit);
}

export function formatSpeed(bytesPerSecond: number): string {
  return `${formatBytes(bytesPerSecond)}/s`;
}

/**
 * A duration in coarse steps, so a time left that moves by a second or two between
 * updates does not make the line flicker: seconds under ten, then fives, minutes, hours.
 */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '—';
  const s = Math.max(1, Math.round(seconds));
  if (s < 10) return `${s} s`;
  if (s < 58) return `${Math.round(s / 5) * 5} s`;
  if (s < 3570) return `${Math.max(1, Math.round(s / 60))} min`;
  if (s < 48 * 3600) {
    const hours = Math.floor(s / 3600);
    const minutes = Math.round((s % 3600) / 60);
    if (minutes === 60) return `${hours + 1} h`;
    return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  }
  return `${Math.round(s / 86_400)} days`;
}

export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

export function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * Splits a long name so the start can be cut with an ellipsis while the last characters
 * stay: `a-very-long-na…final-v2.tar.xz`. Short names stay whole.
 */
export function splitForEllipsis(name: string, keep = 12): [head: string, tail: string] {
  if (name.length <= keep * 2) return [name, ''];
  return [name.slice(0, -keep), name.slice(-keep)];
}
