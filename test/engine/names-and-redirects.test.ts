// Untrusted names and redirects: whatever the server says, files land inside the chosen
// folder with sane names; redirect chains are followed and loops fail clearly.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startFaultServer, type FaultServer } from '../support/fault-server.ts';
import { listTree, sha256, tempWorkspace, testBytes } from '../support/files.ts';
import { downloadOne, openTestManager } from '../support/manager.ts';
import { words } from '../support/words.ts';

const body = testBytes(50_000, 5);

describe('hostile file names', () => {
  let server: FaultServer;
  before(async () => (server = await startFaultServer()));
  after(() => server.close());

  const cases: [header: string, expected: string][] = [
    ['attachment; filename="../../x"', 'x'],
    ['attachment; filename="/etc/passwd"', 'passwd'],
    ['attachment; filename="CON"', 'CON_'],
    ['attachment; filename="..\\\\..\\\\boot.ini"', 'boot.ini'],
    ['attachment; filename="tab\there.txt"', 'tab_here.txt'],
    ["attachment; filename=\"EUR rates.pdf\"; filename*=UTF-8''%E2%82%AC%20rates.pdf", '€ rates.pdf'],
    ["attachment; filename*=UTF-8''..%2F..%2F%2E%2E%2Fescape.sh", 'escape.sh'],
    ['attachment; filename=".."', 'hostile-7'],
  ];

  for (const [index, [header, expected]] of cases.entries()) {
    it(`${JSON.stringify(header)} → ${JSON.stringify(expected)}, inside the folder`, async () => {
      const route = `/hostile-${index}`;
      server.serve(route, { body, contentDisposition: header });
      const ws = tempWorkspace();
      const before = listTree(ws.root);
      const manager = await openTestManager(ws.state, ws.downloads);
      const item = await downloadOne(manager, server.url(route));
      await manager.close();
      assert.equal(item.state, 'done', JSON.stringify(item.error));
      assert.equal(path.dirname(item.path!), ws.downloads);
      assert.equal(path.basename(item.path!), expected);
      assert.equal(sha256(item.path!), sha256(body));
      const added = listTree(ws.root).filter((p) => !before.includes(p) && !p.startsWith('state'));
      assert.deepEqual(added, ['downloads/' + expected].map((p) => p.replace(/\//g, path.sep)));
      ws.cleanup();
    });
  }

  it('accepts raw control characters in Content-Disposition (which Node alone rejects) and cleans them', async () => {
    // node:http refuses to send such a header, so this server writes the response by hand.
    const raw = net.createServer((socket) =>
      socket.once('data', () =>
        socket.end(Buffer.concat([Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: 11\r\nContent-Disposition: attachment; filename="a\x01b\x7fc\x1b.txt"\r\nConnection: close\r\n\r\n', 'latin1'), Buffer.from('hello world')])),
      ),
    );
    await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
    const ws = tempWorkspace();
    const manager = await openTestManager(ws.state, ws.downloads);
    try {
      const item = await downloadOne(manager, `http://127.0.0.1:${(raw.address() as net.AddressInfo).port}/x.bin`);
      assert.equal(item.state, 'done', JSON.stringify(item.error));
      assert.equal(path.basename(item.path!), 'a_b_c_.txt');
      assert.equal(fs.readFileSync(item.path!, 'utf8'), 'hello world');
    } finally {
      await manager.close();
      await new Promise((resolve) => raw.close(resolve));
      ws.cleanup();
    }
  });

  it('keeps an overlong name within 255 bytes including ".part"', async () => {
    server.serve('/long', { body, contentDisposition: `attachment; filename="${'n'.repeat(400)}.bin"` });
    const ws = tempWorkspace();
    const manager = await openTestManager(ws.state, ws.downloads);
    const item = await downloadOne(manager, server.url('/long'));
    await manager.close();
    assert.equal(item.state, 'done', JSON.stringify(item.error));
    assert.ok(Buffer.byteLength(path.basename(item.path!)) + '.part'.length <= 255);
    assert.ok(item.path!.endsWith('.bin'));
    ws.cleanup();
  });

  it('turns name conflicts into "name (1).ext", never overwriting', async () => {
    server.serve('/dir/report.pdf', { body });
    const ws = tempWorkspace();
    fs.writeFileSync(path.join(ws.downloads, 'report.pdf'), 'mine');
    const manager = await openTestManager(ws.state, ws.downloads);
    const first = await downloadOne(manager, server.url('/dir/report.pdf'));
    const second = await downloadOne(manager, server.url('/dir/report.pdf'));
    await manager.close();
    assert.equal(path.basename(first.path!), 'report (1).pdf');
    assert.equal(path.basename(second.path!), 'report (2).pdf');
    assert.equal(fs.readFileSync(path.join(ws.downloads, 'report.pdf'), 'utf8'), 'mine');
    ws.cleanup();
  });
});

describe('redirects', () => {
  let server: FaultServer;
  before(async () => (server = await startFaultServer()));
  after(() => server.close());

  it('follows a chain of redirects and names the file after the last URL', async () => {
    server.redirect('/start', '/hop1', 301);
    server.redirect('/hop1', '/hop2', 302);
    server.redirect('/hop2', '/files/final.bin', 307);
    server.serve('/files/final.bin', { body, faults: { stallAfterBytes: 20_000 } });
    const ws = tempWorkspace();
    const manager = await openTestManager(ws.state, ws.downloads);
    const item = await downloadOne(manager, server.url('/start'));
    await manager.close();
    assert.equal(item.state, 'done', JSON.stringify(item.error));
    assert.equal(path.basename(item.path!), 'final.bin');
    assert.equal(sha256(item.path!), sha256(body));
    const resumed = server.requestsFor('/files/final.bin')[1]!;
    assert.match(resumed.headers.range ?? '', /^bytes=[1-9]\d*-$/, 'the resume keeps its Range across redirects');
    ws.cleanup();
  });

  it('fails a redirect loop clearly, without writing anything', async () => {
    server.redirect('/loop-a', '/loop-b');
    server.redirect('/loop-b', '/loop-a');
    const ws = tempWorkspace();
    const manager = await openTestManager(ws.state, ws.downloads);
    const item = await downloadOne(manager, server.url('/loop-a'));
    await manager.close();
    assert.equal(item.state, 'failed');
    assert.equal(item.error?.code, 'ERR_REDIRECT_LOOP');
    assert.match(words(item.error), /loop/);
    assert.deepEqual(fs.readdirSync(ws.downloads), []);
    ws.cleanup();
  });

  it('fails a redirect to a scheme it cannot fetch at once, naming the scheme', async () => {
    server.redirect('/to-file', 'file:///etc/passwd');
    const ws = tempWorkspace();
    const manager = await openTestManager(ws.state, ws.downloads);
    const item = await downloadOne(manager, server.url('/to-file'));
    await manager.close();
    assert.equal(item.state, 'failed');
    assert.deepEqual(item.error, { code: 'ERR_UNSUPPORTED_REDIRECT', params: { link: 'file:///etc/passwd', scheme: 'file' }, action: 'checkLink' });
    assert.equal(words(item.error), 'The link redirects to file:///etc/passwd, but Tsuzuki downloads only http:// and https:// links, not file links. Check the link and try again.');
    assert.equal(server.requestsFor('/to-file').length, 1, 'not retried');
    assert.deepEqual(fs.readdirSync(ws.downloads), []);
    ws.cleanup();
  });

  it('fails a redirect to no link at all at once, quoting it', async () => {
    server.redirect('/to-nowhere', 'http://[::1');
    const ws = tempWorkspace();
    const manager = await openTestManager(ws.state, ws.downloads);
    const item = await downloadOne(manager, server.url('/to-nowhere'));
    await manager.close();
    assert.deepEqual(item.error, { code: 'ERR_UNSUPPORTED_REDIRECT', params: { variant: 'invalid', link: 'http://[::1' }, action: 'checkLink' });
    assert.equal(words(item.error), 'The link redirects to "http://[::1", which is not a valid link: the server is misconfigured. Check the link and try again.');
    assert.equal(server.requestsFor('/to-nowhere').length, 1, 'not retried');
    ws.cleanup();
  });

  it('fails an endless chain of redirects after 10 hops', async () => {
    for (let i = 0; i < 15; i++) server.redirect(`/chain-${i}`, `/chain-${i + 1}`);
    const ws = tempWorkspace();
    const manager = await openTestManager(ws.state, ws.downloads);
    const item = await downloadOne(manager, server.url('/chain-0'));
    await manager.close();
    assert.equal(item.state, 'failed');
    assert.equal(item.error?.code, 'ERR_TOO_MANY_REDIRECTS');
    ws.cleanup();
  });
});
