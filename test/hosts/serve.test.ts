// `tsuzuki serve`: flags, the missing-build message, a full start/stop in process, and the
// real CLI as a child process (SIGTERM flushes and exits 0; the XDG default state folder).

import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { describe, it, mock } from 'node:test';
import { RENDERER_DIR, serveCommand } from '../../main/cli/serve.ts';
import { DownloadManager } from '../../main/engine/download-manager.ts';
import { confStoreProvider } from '../../main/stores/conf-store.ts';
import { startCli } from '../cli/run-cli.ts';
import { tempWorkspace } from '../support/files.ts';
import { withTimeout } from '../support/manager.ts';

function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      })
      .on('error', reject);
  });
}

/** Runs serveCommand with console output captured; `out` fills while it runs. */
function startCaptured(argv: string[], options: Parameters<typeof serveCommand>[1] = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const log = mock.method(console, 'log', (...args: unknown[]) => void out.push(args.join(' ')));
  const error = mock.method(console, 'error', (...args: unknown[]) => void err.push(args.join(' ')));
  const done = serveCommand(argv, options)
    .then((code) => ({ code, out: out.join('\n'), err: err.join('\n') }))
    .finally(() => {
      log.mock.restore();
      error.mock.restore();
    });
  return { out, done };
}

const serveCaptured = (argv: string[], options: Parameters<typeof serveCommand>[1] = {}) => startCaptured(argv, options).done;

function fixtureRenderer(root: string): string {
  const dir = path.join(root, 'renderer');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Tsuzuki</title>');
  return dir;
}

describe('tsuzuki serve', () => {
  it('answers bad flags with one clear line and exit code 2', async () => {
    for (const [argv, message] of [
      [['--bogus'], /unknown option "--bogus"/],
      [['--port', 'abc'], /--port must be a whole number from 0 to 65535, not "abc"/],
      [['--port', '70000'], /not "70000"/],
      [['--port', '-1'], /--port/],
      [['--port', '0x10'], /not "0x10"/],
      [['--host', 'a b'], /--host must be an IP address or a host name/],
      [['--dir', ''], /--dir needs a folder/],
      [['extra'], /unexpected argument "extra"; tsuzuki serve takes only options\./],
    ] as const) {
      const run = await serveCaptured([...argv]);
      assert.equal(run.code, 2, argv.join(' '));
      assert.match(run.err, message);
      assert.equal(run.out, '');
    }
    const help = await serveCaptured(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.out, /--port N .*default 7890/);
  });

  it('says to run npm run build when the window is not built', async () => {
    const ws = tempWorkspace();
    const run = await serveCaptured(['--port', '0', '--state', ws.state], { rendererDir: path.join(ws.root, 'nothing-here') });
    assert.equal(run.code, 1);
    assert.match(run.err, /Run "npm run build" first/);
    assert.ok(!fs.existsSync(ws.state), 'the engine was not opened');
    ws.cleanup();
  });

  it('serves with a token link, remembers --dir, and closes the engine when stopped', async () => {
    const ws = tempWorkspace();
    const stop = Promise.withResolvers<void>();
    const running = startCaptured(['--port', '0', '--state', ws.state, '--dir', ws.downloads], { rendererDir: fixtureRenderer(ws.root), stopSignal: stop.promise });
    const url = await printedLink(running.out);
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
    assert.equal((await get(url)).status, 303);
    assert.equal((await get(new URL('/', url).href)).status, 401);
    stop.resolve();
    const run = await running.done;
    assert.equal(run.code, 0);
    assert.ok(run.out.includes(`serving downloads into ${ws.downloads}`), run.out);
    assert.equal(run.err, '');
    assert.ok(!fs.existsSync(path.join(ws.state, 'lock')), 'the engine was closed');
    const again = await DownloadManager.open({ store: confStoreProvider(ws.state) });
    assert.equal(again.getSettings().dir, ws.downloads, '--dir is remembered');
    await again.close();
    ws.cleanup();
  });

  it('keeps its token in the state folder, so the link stays the same from one start to the next', async () => {
    const ws = tempWorkspace();
    const rendererDir = fixtureRenderer(ws.root);
    const linkOf = async (state: string) => {
      const stop = Promise.withResolvers<void>();
      const running = startCaptured(['--port', '0', '--state', state, '--dir', ws.downloads], { rendererDir, stopSignal: stop.promise });
      const link = await printedLink(running.out);
      stop.resolve();
      assert.equal((await running.done).code, 0);
      return new URL(link).searchParams.get('token');
    };
    const first = await linkOf(ws.state);
    assert.match(first!, /^[\w-]{32}$/);
    assert.equal(await linkOf(ws.state), first, 'the same token after a restart');
    const kept = path.join(ws.state, 'web.json');
    assert.equal(fs.statSync(kept).mode & 0o777, 0o600, 'kept where only this user can read it');
    assert.notEqual(await linkOf(path.join(ws.root, 'other-state')), first, 'another state folder has its own');
    fs.writeFileSync(kept, '{"token": "short"}');
    const renewed = await linkOf(ws.state);
    assert.match(renewed!, /^[\w-]{32}$/, 'a stored value that is no token is replaced');
    assert.notEqual(renewed, first);
    assert.equal(await linkOf(ws.state), renewed);
    fs.writeFileSync(kept, '{not json');
    assert.match((await linkOf(ws.state))!, /^[\w-]{32}$/, 'an unreadable file still lets it serve');
    ws.cleanup();
  });

  it('refuses a port in use with a hint', async () => {
    const ws = tempWorkspace();
    const blocker = http.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    const run = await serveCaptured(['--port', String(port), '--state', ws.state], { rendererDir: fixtureRenderer(ws.root) });
    assert.equal(run.code, 1);
    assert.match(run.err, /cannot listen on 127\.0\.0\.1:\d+ \(EADDRINUSE\)\. Another program uses it/);
    assert.ok(!fs.existsSync(path.join(ws.state, 'lock')), 'the engine was closed again');
    blocker.close();
    ws.cleanup();
  });

  const built = fs.existsSync(path.join(RENDERER_DIR, 'index.html'));
  it('runs as `tsuzuki serve`: serves the built window, and SIGTERM exits 0', { skip: !built && 'out/renderer is not built (npm test builds it first; or run npm run build)' }, async () => {
    const ws = tempWorkspace();
    const run = startCli(['serve', '--port', '0', '--dir', ws.downloads], { XDG_CONFIG_HOME: path.join(ws.root, 'config') });
    try {
      const url = await withTimeout(
        new Promise<string>((resolve) => {
          let seen = '';
          run.child.stdout!.on('data', (chunk: Buffer) => {
            seen += chunk;
            const match = /Open (http:\S+)/.exec(seen);
            if (match) resolve(match[1]!);
          });
        }),
        15_000,
        'no URL printed',
      );
      const login = await get(url);
      assert.equal(login.status, 303);
      const cookie = String(login.headers['set-cookie']).split(';')[0]!;
      const page = await get(new URL('/', url).href, { cookie });
      assert.equal(page.status, 200);
      // Every script and stylesheet the built page names is served, with its type.
      const assets = [...page.body.matchAll(/(?:src|href)="\.?(\/assets\/[^"]+)"/g)].map((match) => match[1]!);
      assert.ok(assets.length >= 2, 'the page names its assets');
      for (const asset of assets) {
        const response = await get(new URL(asset, url).href, { cookie });
        assert.equal(response.status, 200, asset);
        assert.match(String(response.headers['content-type']), /^text\/(javascript|css)/, asset);
      }
      assert.ok(fs.existsSync(path.join(ws.root, 'config', 'tsuzuki', 'web', 'lock')), 'state under $XDG_CONFIG_HOME/tsuzuki/web');
      run.child.kill('SIGTERM');
      const result = await withTimeout(run.result, 10_000, 'serve did not stop on SIGTERM');
      assert.equal(result.code, 0, result.stderr);
      assert.ok(!fs.existsSync(path.join(ws.root, 'config', 'tsuzuki', 'web', 'lock')), 'the engine was closed');
    } finally {
      run.child.kill('SIGKILL');
      ws.cleanup();
    }
  });
});

/** The link `tsuzuki serve` prints once it listens (polled, bounded to 5 s). */
function printedLink(out: string[]): Promise<string> {
  return withTimeout(
    (async () => {
      for (;;) {
        const match = /Open (http:\S+)/.exec(out.join('\n'));
        if (match) return match[1]!;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })(),
    5000,
    'no URL printed',
  );
}
