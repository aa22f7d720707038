// The one answer to "is this a link Tsuzuki can download": an absolute http:// or https://
// URL with a host name. Every place that takes links uses it (the engine's add, the
// window's paste and drop, a second launch's command line, the window's outgoing links),
// so a link one of them accepts is never refused by another. Pure, no imports, so the
// window can bundle it through the contract's names.

export type WebUrlCheck =
  | { ok: true; url: URL }
  | { ok: false; problem: 'invalid' | 'noHost' }
  | { ok: false; problem: 'protocol'; scheme: string };

export function checkWebUrl(text: string): WebUrlCheck {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { ok: false, problem: 'invalid' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, problem: 'protocol', scheme: url.protocol.replace(/:$/, '') };
  if (!url.hostname) return { ok: false, problem: 'noHost' };
  return { ok: true, url };
}

/** The parsed link, or undefined when it is not one Tsuzuki can download. */
export function webUrlOf(text: string): URL | undefined {
  const checked = checkWebUrl(text);
  return checked.ok ? checked.url : undefined;
}

/** An http(s) link with any `user:password@` removed, as Chrome does before recording one; else undefined. */
export function withoutCredentials(text: string | undefined): string | undefined {
  const url = text === undefined ? undefined : webUrlOf(text);
  return url && hrefWithoutCredentials(url);
}

/**
 * A link as a message shows it: without `user:password@`, which is a secret (a terminal's
 * scrollback and logs keep what is printed). Anything else stays as it was written.
 */
export function shownLink(text: string): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return text;
  }
  return url.username || url.password ? hrefWithoutCredentials(url) : text;
}

function hrefWithoutCredentials(url: URL): string {
  url.username = '';
  url.password = '';
  return url.href;
}
