// An https link that redirects to plain http: refused with a clear reason unless the item
// has a SHA-256 (which vouches for the bytes whatever the path). A real TLS server on
// loopback with a certificate made for the test, trusted through NODE_EXTRA_CA_CERTS.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startFaultServer, type FaultServer } from '../support/fault-server.ts';
import { sha256, tempWorkspace, testBytes } from '../support/files.ts';
import { runCli } from './run-cli.ts';

const body = testBytes(200_000, 41);

describe('an https link redirecting to http', () => {
  let plain: FaultServer;
  let secure: https.Server;
  let secureOrigin: string;
  let certFile: string;
  let certDir: string;
  let cannot: string | undefined;

  before(async () => {
    plain = await startFaultServer();
    plain.serve('/file.bin', { body });
    certDir = fs.mkdtempSync(path.join(process.env['TMPDIR'] ?? '/tmp', 'tsuzuki-tls-'));
    certFile = path.join(certDir, 'cert.pem');
    const keyFile = path.join(certDir, 'key.pem');
    try {
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    } catch {
      cannot = 'openssl is not available to make a test certificate';
      return;
    }
    secure = https.createServer({ key: fs.readFileSync(keyFile), cert: fs.readFileSync(certFile) }, (req, res) => {
      res.statusCode = 302;
      res.setHeader('location', plain.url('/file.bin'));
      res.end();
    });
    await new Promise<void>((resolve) => secure.listen(0, '127.0.0.1', resolve));
    secureOrigin = `https://127.0.0.1:${(secure.address() as AddressInfo).port}`;
  });
  after(async () => {
    await plain.close();
    secure?.close();
    fs.rmSync(certDir, { recursive: true, force: true });
  });

  it('is refused with one clear line, and no request goes to the http address', async (t) => {
    if (cannot) return t.skip(cannot);
    const ws = tempWorkspace();
    try {
      const run = await runCli(['get', `${secureOrigin}/file.bin`, '--dir', ws.downloads, '--state', ws.state, '-q'], { NODE_EXTRA_CA_CERTS: certFile });
      assert.equal(run.code, 1, run.stderr);
      assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
      assert.match(run.stderr, /redirects to an insecure one/);
      assert.equal(plain.requestsFor('/file.bin').length, 0);
      assert.deepEqual(fs.readdirSync(ws.downloads), []);
    } finally {
      ws.cleanup();
    }
  });

  it('is followed when the item has a SHA-256', async (t) => {
    if (cannot) return t.skip(cannot);
    const ws = tempWorkspace();
    try {
      const run = await runCli(['get', `${secureOrigin}/file.bin`, '--dir', ws.downloads, '--state', ws.state, '-q', '--sha256', sha256(body)], { NODE_EXTRA_CA_CERTS: certFile });
      assert.equal(run.code, 0, run.stderr);
      assert.equal(sha256(path.join(ws.downloads, 'file.bin')), sha256(body));
    } finally {
      ws.cleanup();
    }
  });
});
