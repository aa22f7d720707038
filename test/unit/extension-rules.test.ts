// The extension's rules for which browser downloads go to Tsuzuki: the same pure code the
// extension runs, checked under Node.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RequestMethods } from '../../extension/lib/request-methods.js';
import { decide, matchesSite, parseSites, tsuzukiAddress } from '../../extension/lib/rules.js';

const on = { enabled: true, bypassNext: false, bypassUntil: 0, minBytes: 0, skipSites: [] as string[] };
const now = 1_000_000;

describe('which downloads the extension hands over', () => {
  it('catches http(s) downloads, never blob:, data: or file: ones', () => {
    assert.deepEqual(decide(on, { url: 'https://example.com/a.iso', totalBytes: 5e9, now }), { catch: true });
    for (const url of ['blob:https://example.com/1', 'data:text/plain,hi', 'file:///etc/passwd']) {
      assert.deepEqual(decide(on, { url, now }), { catch: false, reason: 'notHttp' });
    }
  });

  it('leaves a download that answered a form\'s POST to the browser, without spending the bypass', () => {
    assert.deepEqual(decide(on, { url: 'https://a.test/export', method: 'POST', now }), { catch: false, reason: 'notGet' });
    assert.deepEqual(decide({ ...on, bypassNext: true }, { url: 'https://a.test/export', method: 'POST', now }), { catch: false, reason: 'notGet' });
    assert.deepEqual(decide(on, { url: 'https://a.test/x', method: 'GET', now }), { catch: true });
  });

  it('leaves a private window\'s download to the browser: Tsuzuki keeps a record, and its cookies are the normal window\'s', () => {
    assert.deepEqual(decide(on, { url: 'https://a.test/x', incognito: true, now }), { catch: false, reason: 'private' });
    assert.deepEqual(decide({ ...on, bypassNext: true }, { url: 'https://a.test/x', incognito: true, now }), { catch: false, reason: 'private' });
    assert.deepEqual(decide(on, { url: 'https://a.test/x', incognito: false, now }), { catch: true });
  });

  it('remembers which page loads were posts, and the GET a redirect makes of one', () => {
    const methods = new RequestMethods();
    methods.note({ requestId: '1', url: 'https://a.test/page', method: 'GET' }, now);
    methods.note({ requestId: '2', url: 'https://a.test/export', method: 'POST' }, now);
    methods.note({ requestId: '3', url: 'https://a.test/order', method: 'POST' }, now);
    methods.note({ requestId: '3', url: 'https://cdn.test/order.zip', method: 'GET' }, now); // a 303 after the post
    assert.equal(methods.methodOf('https://a.test/page', 'https://a.test/page', now), 'GET');
    assert.equal(methods.methodOf('https://a.test/export', 'https://a.test/export', now), 'POST');
    assert.equal(methods.methodOf('https://cdn.test/order.zip', 'https://a.test/order', now), 'GET', 'the file itself is fetched with a GET');
    assert.equal(methods.methodOf('https://a.test/unseen', 'https://a.test/order', now), 'POST', 'a hop not seen: the first request decides');
    assert.equal(methods.methodOf('https://a.test/export', 'https://a.test/export', now + 61_000), 'GET', 'forgotten after a minute');
    for (let index = 0; index < 500; index++) methods.note({ requestId: `p${index}`, url: `https://a.test/${index}`, method: 'POST' }, now);
    assert.equal(methods.methodOf('https://a.test/499', 'https://a.test/499', now), 'POST');
    assert.equal(methods.methodOf('https://a.test/0', 'https://a.test/0', now), 'GET', 'at most a few hundred are kept');
  });

  it('lets the bypass, a switched-off extension, small files and chosen sites go to the browser', () => {
    assert.equal(decide({ ...on, enabled: false }, { url: 'https://a.test/x', now }).catch, false);
    assert.deepEqual(decide({ ...on, bypassNext: true }, { url: 'https://a.test/x', now }), { catch: false, reason: 'bypass' });
    assert.deepEqual(decide({ ...on, bypassUntil: now + 1 }, { url: 'https://a.test/x', now }), { catch: false, reason: 'bypass' });
    assert.deepEqual(decide({ ...on, bypassUntil: now - 1 }, { url: 'https://a.test/x', now }), { catch: true });
    const small = { ...on, minBytes: 1_000_000 };
    assert.deepEqual(decide(small, { url: 'https://a.test/x', totalBytes: 999_999, now }), { catch: false, reason: 'small' });
    assert.deepEqual(decide(small, { url: 'https://a.test/x', totalBytes: 1_000_000, now }), { catch: true });
    assert.deepEqual(decide(small, { url: 'https://a.test/x', totalBytes: -1, now }), { catch: true }, 'an unknown size is not small');
    const sites = { ...on, skipSites: parseSites('example.com\n*.cdn.test, https://other.test/path') };
    assert.deepEqual(decide(sites, { url: 'https://dl.example.com/x', now }), { catch: false, reason: 'site' });
    assert.deepEqual(decide(sites, { url: 'https://other.test/x', now }), { catch: false, reason: 'site' });
    assert.deepEqual(decide(sites, { url: 'https://notexample.com/x', now }), { catch: true });
  });

  it('matches a site and its subdomains; *.site only the subdomains', () => {
    assert.equal(matchesSite('example.com', 'example.com'), true);
    assert.equal(matchesSite('a.example.com', 'example.com'), true);
    assert.equal(matchesSite('badexample.com', 'example.com'), false);
    assert.equal(matchesSite('example.com', '*.example.com'), false);
    assert.equal(matchesSite('a.example.com', '*.example.com'), true);
    assert.equal(matchesSite('example.com', ''), false);
  });

  it('takes a Tsuzuki address on this machine only, with or without http://', () => {
    assert.equal(tsuzukiAddress('http://127.0.0.1:7890'), 'http://127.0.0.1:7890');
    assert.equal(tsuzukiAddress(' 127.0.0.1:7891 '), 'http://127.0.0.1:7891');
    assert.equal(tsuzukiAddress('localhost:8000/'), 'http://localhost:8000');
    assert.equal(tsuzukiAddress('http://[::1]:7890'), 'http://[::1]:7890');
    for (const bad of ['', 'localhost:x', 'ftp://127.0.0.1:21', 'http://192.168.1.5:7890', 'https://tsuzuki.example.com', 'http://user:pw@127.0.0.1:7890', 'http://127.0.0.1:7890/extension/', 'javascript:alert(1)', '127.0.0.1:99999']) {
      assert.equal(tsuzukiAddress(bad), undefined, bad);
    }
  });
});
