// The claim journal (`claims.jsonl` in the state folder) is a state document like the
// others: a folder in its place, or a file that cannot be read, must not stop the CLI. It is
// moved aside as `claims.jsonl.unreadable-<time>`, one line says so (en and ja), and the
// download goes on, as for an unreadable queue.json or history.json.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startFaultServer, type FaultServer } from '../support/fault-server.ts';
import { sha256, tempWorkspace, testBytes } from '../support/files.ts';
import { runCli } from './run-cli.ts';

const body = testBytes(80_000, 77);

describe('tsuzuki get with an unreadable claim journal', () => {
  let server: FaultServer;
  before(async () => {
    server = await startFaultServer();
    server.serve('/journal.bin', { body });
  });
  after(() => server.close());

  const cases: [string, (file: string) => void, RegExp, RegExp][] = [
    ['a folder', (file) => (fs.mkdirSync(file), fs.writeFileSync(path.join(file, 'inside'), 'x')), /it is a folder, not a file\./, /ファイルではなくフォルダー/],
  ];
  // A link to itself: no user can open it (ELOOP), root included.
  cases.push(['a link to itself', (file) => fs.symlinkSync('claims.jsonl', file), /the system said ELOOP/, /ELOOP/]);
  // Root reads any file whatever its mode.
  if (process.getuid?.() !== 0) cases.push(['unreadable', (file) => (fs.writeFileSync(file, '{}\n'), fs.chmodSync(file, 0o200)), /you may not read it \(EACCES\)/, /EACCES/]);

  for (const [what, damage, english, japanese] of cases) {
    for (const [language, env, words] of [
      ['en', {}, english],
      ['ja', { LANG: 'ja_JP.UTF-8' }, japanese],
    ] as const) {
      it(`claims.jsonl ${what} (${language}): moved aside with one line, and the download goes on`, async () => {
        const ws = tempWorkspace();
        try {
          fs.mkdirSync(ws.state, { recursive: true });
          const file = path.join(ws.state, 'claims.jsonl');
          damage(file);
          const run = await runCli(['get', server.url('/journal.bin'), '--dir', ws.downloads, '--state', ws.state, '-q'], env);
          assert.equal(run.code, 0, run.stderr);
          assert.doesNotMatch(run.stderr, /EISDIR:|\n\s+at |Unhandled|node:internal/);
          const lines = run.stderr.trim().split('\n');
          assert.equal(lines.length, 1, run.stderr);
          assert.ok(lines[0]!.includes(file), lines[0]);
          assert.match(lines[0]!, words);
          assert.match(lines[0]!, /claims\.jsonl\.unreadable-/);
          if (language === 'ja') assert.doesNotMatch(lines[0]!, /could not be read|moved to/);
          const aside = fs.readdirSync(ws.state).filter((name) => name.startsWith('claims.jsonl.unreadable-'));
          assert.equal(aside.length, 1, fs.readdirSync(ws.state).join(', '));
          assert.ok(fs.statSync(file).isFile(), 'a fresh journal took its place');
          assert.equal(sha256(path.join(ws.downloads, 'journal.bin')), sha256(body));
          const again = await runCli(['get', server.url('/journal.bin'), '--dir', ws.downloads, '--state', ws.state, '-q'], env);
          assert.equal(again.code, 0, again.stderr);
          assert.equal(again.stderr, '', 'told once');
        } finally {
          ws.cleanup();
        }
      });
    }
  }
});
