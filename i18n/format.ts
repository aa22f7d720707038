// Numbers for people in a given language, all through Intl: sizes and speeds in SI decimal
// units (1 MB = 1,000,000 bytes, as Chrome and macOS show them), durations, percentages,
// times of day. The unit symbols (B, kB, MB …) are international and stay as they are.

const UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'] as const;

const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * One formatter per locale and kind, made once: `kind` names the options, so finding it
 * costs a string, not a JSON.stringify of them (a window with 64 downloads running formats
 * sizes hundreds of times a second).
 */
function numberFormat(locale: string, kind: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${kind}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

/** `45.2 MB`, `719 MB`, `1.2 GB`, `512 B`: at most one decimal and three significant digits. */
export function formatBytes(bytes: number, locale: string): string {
  const value = Number.isFinite(bytes) ? Math.max(0, bytes) : 0;
  const exponent = value < 1000 ? 0 : Math.min(Math.floor(Math.log10(value) / 3), UNITS.length - 1);
  const scaled = value / 1000 ** exponent;
  const rounded = exponent === 0 ? Math.round(scaled) : Number((Math.round(scaled * 10) / 10).toPrecision(3));
  return `${numberFormat(locale, 'oneDecimal', { maximumFractionDigits: 1 }).format(rounded)} ${UNITS[exponent]}`;
}

export function formatSpeed(bytesPerSecond: number, locale: string): string {
  return `${formatBytes(bytesPerSecond, locale)}/s`;
}

export function formatNumber(value: number, locale: string): string {
  return numberFormat(locale, 'plain', {}).format(value);
}

/** Whole percent: `45%`, `45 %` or `45%` as the language writes it. */
export function formatPercent(percent: number, locale: string): string {
  return numberFormat(locale, 'percent', { style: 'percent', maximumFractionDigits: 0 }).format(percent / 100);
}

type DurationParts = { days?: number; hours?: number; minutes?: number; seconds?: number };

/**
 * A duration in coarse steps, so a time left that moves by a second or two between updates
 * does not make the line flicker: seconds under ten, then fives, minutes, hours, days.
 */
export function formatDuration(seconds: number, locale: string): string {
  if (!Number.isFinite(seconds)) return '—';
  const parts = durationParts(seconds);
  // The steps are coarse, so a window showing many downloads asks for the same few texts
  // again and again; Intl.DurationFormat was most of its status lines' cost.
  const key = `${locale}|${parts.days ?? ''}|${parts.hours ?? ''}|${parts.minutes ?? ''}|${parts.seconds ?? ''}`;
  let text = durationTexts.get(key);
  if (text === undefined) {
    if (durationTexts.size >= DURATION_TEXTS_KEPT) durationTexts.clear();
    text = formatParts(parts, locale);
    durationTexts.set(key, text);
  }
  return text;
}

const DURATION_TEXTS_KEPT = 1000;
const durationTexts = new Map<string, string>();

export function durationParts(seconds: number): DurationParts {
  const s = Math.max(1, Math.round(seconds));
  if (s < 10) return { seconds: s };
  if (s < 58) return { seconds: Math.round(s / 5) * 5 };
  if (s < 3570) return { minutes: Math.max(1, Math.round(s / 60)) };
  if (s < 48 * 3600) {
    const hours = Math.floor(s / 3600);
    const minutes = Math.round((s % 3600) / 60);
    if (minutes === 60) return { hours: hours + 1 };
    return minutes > 0 ? { hours, minutes } : { hours };
  }
  return { days: Math.round(s / 86_400) };
}

interface DurationFormatLike {
  format(duration: DurationParts): string;
}
type DurationFormatConstructor = new (locale: string, options: { style: 'short' }) => DurationFormatLike;

const durationFormats = new Map<string, DurationFormatLike>();

function formatParts(parts: DurationParts, locale: string): string {
  // Intl.DurationFormat is new (Chrome 129, Node 23): without it, each unit on its own.
  const DurationFormat = (Intl as unknown as { DurationFormat?: DurationFormatConstructor }).DurationFormat;
  if (DurationFormat) {
    let format = durationFormats.get(locale);
    if (!format) {
      format = new DurationFormat(locale, { style: 'short' });
      durationFormats.set(locale, format);
    }
    return format.format(parts);
  }
  const units = [
    ['day', parts.days],
    ['hour', parts.hours],
    ['minute', parts.minutes],
    ['second', parts.seconds],
  ] as const;
  return units
    .filter(([, value]) => value !== undefined)
    .map(([unit, value]) => numberFormat(locale, `unit ${unit}`, { style: 'unit', unit, unitDisplay: 'short' }).format(value!))
    .join(' ');
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** A time of day (`14:03:12`, `2:03:12 PM`) as the language writes it. */
export function formatTime(epochMs: number, locale: string): string {
  let format = timeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeStyle: 'medium' });
    timeFormats.set(locale, format);
  }
  return format.format(epochMs);
}
