// One rule for what counts as a downloadable link, and every place that takes links
// agreeing with it: the engine's add, a second launch's command line, the window's
// outgoing links and its paste/drop.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkWebUrl, webUrlOf } from '../../main/engine/web-url.ts';
import { parseDownloadUrl } from '../../main/engine/url-check.ts';
import { urlsInArgv } from '../../main/host/urls-in-argv.ts';
import { externalLink } from '../../main/host/page-policy.ts';
import { urlsInUriList } from '../../renderer/src/lib/extract-urls.ts';

const LINKS = ['https://example.com/a.iso', 'http://127.0.0.1:8080/x?y=1', 'HTTPS://EXAMPLE.COM/B'];
const NOT_LINKS = ['ftp://example.com/a', 'file:///etc/passwd', 'javascript:alert(1)', 'http://', 'example.com/a', '--dir', ''];

describe('what counts as a link', () => {
  it('is an absolute http(s) URL with a host, and says why not otherwise', () => {
    for (const link of LINKS) assert.ok(webUrlOf(link), link);
    for (const text of NOT_LINKS) assert.equal(webUrlOf(text), undefined, text);
    assert.deepEqual(checkWebUrl('ftp://example.com/a'), { ok: false, problem: 'protocol', scheme: 'ftp' });
    assert.deepEqual(checkWebUrl('http://'), { ok: false, problem: 'invalid' });
    assert.deepEqual(checkWebUrl('not a link'), { ok: false, problem: 'invalid' });
    assert.equal(webUrlOf('  https://example.com/a  ')?.href, 'https://example.com/a');
  });

  it('is the same rule in the engine, the command line, outgoing links and the window', () => {
    for (const text of [...LINKS, ...NOT_LINKS]) {
      const expected = webUrlOf(text) !== undefined;
      let engine = true;
      try {
        parseDownloadUrl(text);
      } catch {
        engine = false;
      }
      assert.equal(engine, expected, `engine: ${text}`);
      assert.equal(urlsInArgv([text]).length === 1, expected, `argv: ${text}`);
      assert.equal(externalLink(text) !== undefined, expected, `external link: ${text}`);
      assert.equal(urlsInUriList(text).length === 1, expected, `drop: ${text}`);
    }
  });
});
