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
  // The desktop window talks over IPC only: no fetch, no socket, not even to itself.
  assert.match(contentSecurityPolicy({ ipcOnly: true }), /connect-src 'none';/);
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

it('app:// serves the built renderer and nothing outside it', async () => {
  const { resolveAppRequest } = await import('../../main/host/app-protocol.ts');
  const root = '/opt/Tsuzuki/out/renderer';
  assert.deepEqual(resolveAppRequest('app://tsuzuki/index.html', root), { ok: true, file: `${root}/index.html`, contentType: 'text/html; charset=utf-8' });
  assert.deepEqual(resolveAppRequest('app://tsuzuki/', root), { ok: true, file: `${root}/index.html`, contentType: 'text/html; charset=utf-8' });
  assert.equal((resolveAppRequest('app://tsuzuki/assets/index-abc.js?x=1#y', root) as { file: string }).file, `${root}/assets/index-abc.js`);
  // Dot segments, encoded or not, are resolved by the URL parser and stay inside the folder.
  for (const url of ['app://tsuzuki/../../../etc/passwd.js', 'app://tsuzuki/%2e%2e/%2e%2e/etc/passwd.js', 'app://tsuzuki/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc/passwd.js']) {
    const answer = resolveAppRequest(url, root);
    assert.ok(!answer.ok || answer.file.startsWith(`${root}/`), `${url} → ${JSON.stringify(answer)}`);
  }
  for (const url of ['app://tsuzuki/a%5c..%5c..%5cx.js', 'app://tsuzuki/x%00.js', 'app://other/index.html', 'file:///etc/passwd', 'app://tsuzuki/assets/secret.env', 'app://tsuzuki/%E0%A4%A', 'app://tsuzuki/%2e%2e%2f%2e%2e%2fx.js']) {
    assert.equal(resolveAppRequest(url, root).ok, false, url);
  }
});
