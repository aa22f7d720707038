import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { linksInDrag, dropOverlayText } from '../../renderer/src/lib/drag-preview.ts';
import { linksInText, urlsInMozUrl, urlsInText, urlsInTransfer, urlsInUriList } from '../../renderer/src/lib/extract-urls.ts';
import { createI18n } from '../../i18n/index.ts';

const en = createI18n('en');

describe('links in pasted or dropped text', () => {
  it('finds every http(s) link in a block of text, in order, once each', () => {
    const text = `Files for the trip:
      https://cdn.example.com/maps/alps.zip (maps)
      see also http://mirror.example.org/a%20b.iso, and https://cdn.example.com/maps/alps.zip again.
      ftp://old.example.com/nope.bin mailto:me@example.com`;
    assert.deepEqual(urlsInText(text), ['https://cdn.example.com/maps/alps.zip', 'http://mirror.example.org/a%20b.iso']);
  });

  it('leaves sentence punctuation and unbalanced brackets out, keeps balanced ones', () => {
    assert.deepEqual(urlsInText('grab it (https://x.example/a.bin).'), ['https://x.example/a.bin']);
    assert.deepEqual(urlsInText('https://en.example.org/wiki/Tar_(computing)!'), ['https://en.example.org/wiki/Tar_(computing)']);
    assert.deepEqual(urlsInText('[paper](https://arxiv.example/pdf/1706.03762)'), ['https://arxiv.example/pdf/1706.03762']);
    assert.deepEqual(urlsInText('"https://q.example/x?a=1&b=2"; <https://r.example/y>'), ['https://q.example/x?a=1&b=2', 'https://r.example/y']);
  });

  it('finds nothing in text without links, and ignores a bare scheme', () => {
    assert.deepEqual(urlsInText('just some words, no links here'), []);
    assert.deepEqual(urlsInText('http:// and https://'), []);
  });

  it('keeps aside what is written like a link but cannot be downloaded, and counts repeats', () => {
    const text = `a https://x.example/a.bin https://x.example/a.bin https://x.example/a.bin, ftp://old.example/f.iso;
      magnet:?xt=urn:btih:abc (file:///etc/passwd). http://[broken/ ftp://old.example/f.iso https://y.example/b.zip https://y.example/b.zip`;
    assert.deepEqual(linksInText(text), {
      urls: ['https://x.example/a.bin', 'https://y.example/b.zip'],
      leftOut: ['ftp://old.example/f.iso', 'magnet:?xt=urn:btih:abc', 'file:///etc/passwd', 'http://[broken/'],
      repeated: 2,
    });
    assert.deepEqual(linksInText('http:// and https://.'), { urls: [], leftOut: [], repeated: 0 }, 'a bare scheme is a word');
    assert.deepEqual(linksInText('mailto:me@example.com'), { urls: [], leftOut: [], repeated: 0 }, 'not a download link at all');
  });

  it('reads text/uri-list, skipping # comments and non-http lines', () => {
    const list = '# from the browser\r\nhttps://a.example/one.iso\r\nfile:///home/me/x.txt\r\n\r\nhttp://b.example/two.zip\r\n';
    assert.deepEqual(urlsInUriList(list), ['https://a.example/one.iso', 'http://b.example/two.zip']);
  });

  it('reads text/x-moz-url as url / title pairs', () => {
    const data = 'https://a.example/one.iso\nOne ISO\nhttps://b.example/two.zip\nhttps://title-that-looks-like-a-link.example/';
    assert.deepEqual(urlsInMozUrl(data), ['https://a.example/one.iso', 'https://b.example/two.zip']);
  });

  it('prefers the most specific type a drop carries, and falls back to plain text', () => {
    const data: Record<string, string> = {
      'text/uri-list': 'https://a.example/exact.iso',
      'text/plain': 'https://a.example/exact.iso and https://other.example/',
    };
    assert.deepEqual(urlsInTransfer((type) => data[type] ?? '', Object.keys(data)), ['https://a.example/exact.iso']);
    assert.deepEqual(urlsInTransfer((type) => (type === 'text/plain' ? 'see https://p.example/x' : ''), ['text/uri-list', 'text/plain']), ['https://p.example/x']);
    assert.deepEqual(urlsInTransfer(() => '', ['text/html']), []);
  });
});

describe('the drop overlay', () => {
  it('counts the links when the drag lets the page read them', () => {
    const get = (type: string) => (type === 'text/plain' ? 'a https://a.example/1 b https://b.example/2' : '');
    assert.equal(linksInDrag(['text/plain'], get), 2);
    assert.equal(dropOverlayText(2, en), 'Drop to download 2 links');
    assert.equal(dropOverlayText(1, en), 'Drop to download 1 link');
  });

  it('says "Drop to download" when the count cannot be known before the drop', () => {
    assert.equal(linksInDrag(['text/uri-list'], () => ''), null);
    assert.equal(linksInDrag(['Files'], () => ''), null);
    assert.equal(dropOverlayText(null, en), 'Drop to download');
    assert.equal(linksInDrag(['text/plain'], () => 'no links'), 0);
    assert.equal(dropOverlayText(0, en), 'Drop to download');
  });
});
