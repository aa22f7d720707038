// Which URLs are the app's own page: the built index.html (file:) or, in development, the
// renderer dev server. Compared by parsed origin or exact file URL, never by string prefix
// ("http://localhost:5173.evil.example" starts with "http://localhost:5173").

import { pathToFileURL } from 'node:url';

export function appUrlMatcher(options: { devServerUrl?: string | undefined; indexFile: string }): (url: string) => boolean {
  if (options.devServerUrl) {
    const origin = new URL(options.devServerUrl).origin;
    return (url) => parse(url)?.origin === origin;
  }
  const index = pathToFileURL(options.indexFile).href;
  return (url) => {
    const parsed = parse(url);
    if (!parsed || parsed.protocol !== 'file:') return false;
    parsed.hash = '';
    parsed.search = '';
    return parsed.href === index;
  };
}

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}
