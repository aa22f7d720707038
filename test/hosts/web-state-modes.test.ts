// The web host's state folder holds the items (their headers and links with their secrets)
// and the browsers paired for hand-off: `tsuzuki serve` keeps it the user's alone, and
// tightens what an older version left open, paired browsers included.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it, mock } from 'node:test';
import { serveCommand } from '../../main/cli/serve.ts';
import { Pairings } from '../../main/host/extension/pairings.ts';
import { confStoreProvider } from '../../main/stores/conf-store.ts';
import { tempWorkspace } from '../support/files.ts';
import { withTimeout } from '../support/manager.ts';
import { looseModes } from '../support/modes.ts';

const ORIGIN = `chrome-extension://${'abcdefghijklmnop'.repeat(2)}`;

describe('the web host keeps its state private', { skip: process.platform === 'win32' && 'Windows keeps no such modes' }, () => {
  let umask: number;
  before(() => (umask = process.umask(0o022)));
  after(() => process.umask(umask));

  it('tightens an older state folder on start, and pairs browsers privately', async () => {
    const ws = tempWorkspace();
    const renderer = path.join(ws.root, 'renderer');
    fs.mkdirSync(renderer);
    fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Tsuzuki</title>');
    // As an older version left it: a browser paired, everything open to the group and others.
    fs.mkdirSync(ws.state, { mode: 0o755 });
    const paired = { id: 'a1b2c3d4e5f6', browser: 'Chrome', origin: ORIGIN, pairedAt: 1, lastSeenAt: null, tokenHash: 'f'.repeat(64) };
    fs.writeFileSync(path.join(ws.state, 'browsers.json'), JSON.stringify({ browsers: [paired] }), { mode: 0o644 });
    assert.equal(looseModes(ws.state).length, 2);

    const out: string[] = [];
    const log = mock.method(console, 'log', (...args: unknown[]) => void out.push(args.join(' ')));
    const stop = Promise.withResolvers<void>();
    const done = serveCommand(['--port', '0', '--state', ws.state, '--dir', ws.downloads], { rendererDir: renderer, stopSignal: stop.promise });
    try {
      await withTimeout(
        (async () => {
          while (!out.some((line) => /Open http:/.test(line))) await new Promise((resolve) => setTimeout(resolve, 20));
        })(),
        5000,
        'no URL printed',
      );
      assert.deepEqual(looseModes(ws.state), [], 'while serving');
    } finally {
      stop.resolve();
      assert.equal(await done, 0);
      log.mock.restore();
    }

    const pairings = new Pairings(confStoreProvider(ws.state).open(ws.state, 'browsers'));
    assert.equal(pairings.view().paired.length, 1, 'the paired browser is still read');
    const asked = pairings.request('Firefox', ORIGIN)!;
    assert.ok(pairings.answer(pairings.view().pending[0]!.id, true));
    assert.equal(pairings.poll(asked.secret, ORIGIN).state, 'approved');
    assert.equal(JSON.parse(fs.readFileSync(path.join(ws.state, 'browsers.json'), 'utf8')).browsers.length, 2);
    assert.deepEqual(looseModes(ws.state), [], 'once a browser is paired');
    ws.cleanup();
  });
});
