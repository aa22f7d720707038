// Text helpers that do not depend on the language: hosts and long names. Numbers for people
// (sizes, speeds, durations) are formatted in the window's language by `i18n/format.ts`.

export function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

/**
 * Splits a long name so the start can be cut with an ellipsis while the last characters
 * stay: `a-very-long-na…final-v2.tar.xz`. Short names stay whole.
 */
export function splitForEllipsis(name: string, keep = 12): [head: string, tail: string] {
  if (name.length <= keep * 2) return [name, ''];
  return [name.slice(0, -keep), name.slice(-keep)];
}
