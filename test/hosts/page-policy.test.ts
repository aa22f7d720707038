// The page policy both hosts send: strict for the built page, loosened only for Vite's dev
// page, and which clicked links may leave the app.

import assert from 'node:assert/strict';
import { it } from 'node:test';
import { contentSecurityPolicy, externalLink } from '../../main/host/page-policy.ts';

it('the built page: scripts from itself only, no inline scripts, no frames or plugins', () => {
  const policy = contentSecurityPolicy();
  assert.match(policy, /script-src 'self';/);
  assert.doesNotMatch(policy, /script-src[^;]*unsafe/);
  assert.match(policy, /object-src 'none'/);
  assert.match(policy, /frame-src 'none'/);
  assert.match(policy, /frame-ancestors 'none'/);
  assert.match(policy, /connect-src 'self';/);
  assert.match(contentSecurityPolicy({ socket: 'ws://127.0.0.1:7890' }), /connect-src 'self' ws:\/\/127\.0\.0\.1:7890;/);
});

it('the dev page: the React Refresh preamble and the HMR socket', () => {
  const policy = contentSecurityPolicy({ devServer: 'http://localhost:5173' });
  assert.match(policy, /script-src 'self' 'unsafe-inline';/);
  assert.match(policy, /connect-src 'self' ws:\/\/localhost:5173;/);
});

it('only http(s) links leave for the browser', () => {
  assert.equal(externalLink('https://example.com/a b'), 'https://example.com/a%20b');
  assert.equal(externalLink('http://example.com/'), 'http://example.com/');
  for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'smb://host/share', 'data:text/html,x', 'not a url', '']) {
    assert.equal(externalLink(url), undefined, url);
  }
});
