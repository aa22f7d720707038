// A folder that cannot be made where the system answers ENOENT for a parent that exists
// (/proc, a mount gone stale): Node's recursive mkdir retries that forever at full CPU, on
// the main thread, so not even Ctrl-C is heard. The CLI must fail at once with the reason.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { tempWorkspace } from '../support/files.ts';
import { runCli } from './run-cli.ts';

const PROC = '/proc/tsuzuki-no-such-folder';

describe('tsuzuki get into a folder the system cannot make', { skip: !fs.existsSync('/proc/self') && 'needs /proc (Linux)' }, () => {
  it('--dir under /proc fails at once, saying the folder cannot be written', async () => {
    const ws = tempWorkspace();
    const run = await runCli(['get', 'http://127.0.0.1:1/x', '--dir', `${PROC}/downloads`, '--state', ws.state, '--retries', '0'], {}, 20_000);
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stderr, new RegExp(`Tsuzuki cannot write to ${PROC}/downloads \\(ENOENT\\)\\. Give --dir a folder that exists and that you can write to\\.`));
    ws.cleanup();
  });

  it('--state under /proc fails at once, naming the state folder', async () => {
    const ws = tempWorkspace();
    const run = await runCli(['get', 'http://127.0.0.1:1/x', '--dir', ws.downloads, '--state', `${PROC}/state`, '--retries', '0'], {}, 20_000);
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stderr, new RegExp(`cannot use the state folder ${PROC}/state: the system said ENOENT\\. Pass --state DIR`));
    ws.cleanup();
  });
});
