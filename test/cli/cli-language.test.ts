// The CLI speaks the terminal's language: LANG=ja_JP.UTF-8 gets Japanese reasons, usage
// errors and help; LC_ALL wins over LANG; file names and URLs are printed as they are.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startFaultServer, type FaultServer } from '../support/fault-server.ts';
import { tempWorkspace, testBytes } from '../support/files.ts';
import { runCli } from './run-cli.ts';

const JAPANESE = { LANG: 'ja_JP.UTF-8' };

describe('tsuzuki get in the terminal’s language', () => {
  let server: FaultServer;
  before(async () => (server = await startFaultServer()));
  after(() => server.close());

  it('prints Japanese reasons under LANG=ja_JP.UTF-8, the links themselves untouched', async () => {
    server.serve('/日本語/missing.bin', { body: testBytes(1000, 1), faults: { statuses: [{ status: 404 }] } });
    server.serve('/expired.bin', { body: testBytes(1000, 2), faults: { statuses: [{ status: 403 }] } });
    const ws = tempWorkspace();
    const missing = server.url('/日本語/missing.bin');
    const { code, stderr } = await runCli(['get', missing, server.url('/expired.bin'), '--dir', ws.downloads, '--state', ws.state, '-q'], JAPANESE);
    assert.equal(code, 1);
    const lines = stderr.trim().split('\n');
    assert.equal(lines.length, 2, stderr);
    const href = new URL(missing).href;
    assert.ok(lines.some((line) => line.startsWith(`tsuzuki: ${href}: `) && line.includes('このリンクのファイルはサーバーにありません（404）。')), stderr);
    assert.ok(lines.some((line) => line.includes('/expired.bin') && line.includes('（403）。') && line.includes('リンクの有効期限が切れた場合は、新しいリンクを入手してください。')), stderr);
    // A terminal has no Change link… button: its advice is its own.
    assert.doesNotMatch(stderr, /リンクを変更/);
    assert.doesNotMatch(stderr, /The server|Check the link/);
    const refused = await runCli(['get', missing, 'ftp://x/y', '--dir', ws.downloads, '--state', ws.state, '-q'], JAPANESE);
    assert.equal(refused.code, 2);
    assert.ok(refused.stderr.includes('「ftp://x/y」は ftp: のリンクのため、ダウンロードできません。'), refused.stderr);
    assert.match(refused.stderr, /何も始めていません/);
    assert.doesNotMatch(refused.stderr, /nothing was started|Check the link/);
    ws.cleanup();
  });

  it('words bad usage and the help in Japanese, and LC_ALL wins over LANG', async () => {
    const none = await runCli(['get'], JAPANESE);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /^tsuzuki get: URL が指定されていません。/);
    assert.match(none.stderr, /使い方は「tsuzuki get --help」で確認できます。/);
    const badFlag = await runCli(['get', 'http://127.0.0.1:1/x', '--connections', '99'], JAPANESE);
    assert.match(badFlag.stderr, /--connections には 1〜32 の整数を指定してください（「99」は使えません）。/);
    const unknown = await runCli(['get', 'http://127.0.0.1:1/x', '--frobnicate'], JAPANESE);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /「--frobnicate」というオプションはありません。/);
    const help = await runCli(['get', '--help'], JAPANESE);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^使い方: tsuzuki get <URL…> \[オプション\]/);
    assert.match(help.stdout, /--limit RATE {10}全体の速度制限/);
    const english = await runCli(['get'], { ...JAPANESE, LC_ALL: 'en_US.UTF-8' });
    assert.match(english.stderr, /no URL given/);
    const posix = await runCli(['get'], { ...JAPANESE, LC_ALL: 'C' });
    assert.match(posix.stderr, /no URL given/);
  });

  it('names an unknown option in English too, from the arguments', async () => {
    const unknown = await runCli(['get', 'http://127.0.0.1:1/x', '--frobnicate=3']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /^tsuzuki get: unknown option "--frobnicate"\.\nRun "tsuzuki get --help" for usage\./);
  });
});
