// Which URLs are the app's own page: the built index.html as served from app://tsuzuki/ or,
// in development, the renderer dev server. Compared by parsed scheme, host and path (or
// origin), never by string prefix ("http://localhost:5173.evil.example" starts with
// "http://localhost:5173").

export function appUrlMatcher(options: { devServerUrl?: string | undefined; indexUrl: string }): (url: string) => boolean {
  if (options.devServerUrl) {
    const origin = new URL(options.devServerUrl).origin;
    return (url) => parse(url)?.origin === origin;
  }
  const index = parse(options.indexUrl);
  if (!index) throw new Error(`not a URL: ${options.indexUrl}`);
  return (url) => {
    const parsed = parse(url);
    // Custom schemes have an opaque origin in WHATWG URLs, so the parts are compared.
    return parsed !== undefined && parsed.protocol === index.protocol && parsed.host === index.host && parsed.pathname === index.pathname;
  };
}

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}
