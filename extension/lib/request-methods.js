// Which recent page loads were not plain GETs (a form's POST). The browser's download item
// does not say how its request was made, and Tsuzuki can fetch a link again only with a GET,
// without the form's fields: such a download must stay in the browser. Only those requests
// are kept (and the GET hops a redirect makes of them), for a minute, at most MAX of them.

const KEEP_MS = 60_000;
const MAX = 200;

export class RequestMethods {
  /** url → { method, at } for the requests that were not GETs, and the hops after them. */
  #byUrl = new Map();
  /** requestId → true for the requests being followed through their redirects. */
  #followed = new Map();

  /** One request the browser starts: `{ requestId, url, method }` from webRequest.onBeforeRequest. */
  note({ requestId, url, method }, now) {
    const plain = (method ?? 'GET').toUpperCase() === 'GET';
    if (plain && !this.#followed.has(requestId)) return;
    this.#forget(now);
    this.#followed.delete(requestId);
    this.#followed.set(requestId, now);
    this.#byUrl.delete(url);
    this.#byUrl.set(url, { method: (method ?? 'GET').toUpperCase(), at: now });
    for (const map of [this.#byUrl, this.#followed]) {
      while (map.size > MAX) map.delete(map.keys().next().value);
    }
  }

  /** How the download's response was asked for: its final URL's request, else its first URL's; GET when unknown. */
  methodOf(finalUrl, url, now) {
    this.#forget(now);
    return (this.#byUrl.get(finalUrl) ?? this.#byUrl.get(url))?.method ?? 'GET';
  }

  #forget(now) {
    for (const [url, entry] of this.#byUrl) if (now - entry.at > KEEP_MS) this.#byUrl.delete(url);
    for (const [id, at] of this.#followed) if (now - at > KEEP_MS) this.#followed.delete(id);
  }
}
