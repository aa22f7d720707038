// Every way a flag can be given wrongly gets its own words, in the terminal's language, and
// exit status 2: a flag without its value, a value that looks like another option (`-1`), a
// value given to a flag that takes none, an empty folder, a stray argument. Node's parseArgs
// explains these in English for developers; a person reads what was wrong and how to write it.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { tempWorkspace } from '../support/files.ts';
import { runCli } from './run-cli.ts';

const JAPANESE = { LANG: 'ja_JP.UTF-8' };
const URL = 'http://127.0.0.1:1/x';
/** Words node:util's parseArgs uses; none may reach a person. */
const NODE_WORDS = /Option '|argument missing|ambiguous|does not take an argument|Unexpected argument|引数が正しくありません/;

async function usage(args: string[], env: NodeJS.ProcessEnv = {}) {
  const run = await runCli(args, env);
  assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
  assert.doesNotMatch(run.stderr, NODE_WORDS, `${args.join(' ')}: ${run.stderr}`);
  return run.stderr;
}

describe('tsuzuki get and serve, given a flag wrongly', () => {
  it('say which flag lacks its value, in English and Japanese', async () => {
    assert.match(await usage(['get', URL, '--dir']), /^tsuzuki get: --dir needs a value\.\nRun "tsuzuki get --help" for usage\./);
    assert.match(await usage(['get', URL, '-d']), /^tsuzuki get: -d needs a value\./);
    assert.match(await usage(['serve', '--port']), /^tsuzuki serve: --port needs a value\./);
    assert.match(await usage(['get', URL, '--dir'], JAPANESE), /^tsuzuki get: --dir には値を指定してください。\n使い方は「tsuzuki get --help」で確認できます。/);
  });

  it('say how to give a value that starts with a dash', async () => {
    assert.match(await usage(['get', URL, '--connections', '-1']), /^tsuzuki get: --connections needs a value, and "-1" looks like an option\. To give a value that starts with "-", write --connections=-1\./);
    assert.match(await usage(['get', URL, '--limit', '-5'], JAPANESE), /^tsuzuki get: --limit には値を指定してください。「-5」はオプションのように見えます。「-」で始まる値は --limit=-5 のように指定してください。/);
    // Written that way, the value itself is judged.
    assert.match(await usage(['get', URL, '--connections=-1']), /--connections must be a whole number from 1 to 32, not "-1"\./);
  });

  it('say that a switch takes no value', async () => {
    assert.match(await usage(['get', URL, '--quiet=1']), /^tsuzuki get: --quiet takes no value; write it alone\./);
    assert.match(await usage(['get', '--help=yes'], JAPANESE), /^tsuzuki get: --help には値を付けられません。--help だけを指定してください。/);
  });

  it('refuse an empty folder or file instead of using the current folder', async () => {
    const ws = tempWorkspace();
    // Were an empty value taken, the run would go ahead (and fail at once on a refused port).
    const elsewhere = { dir: ['--dir', ws.downloads], state: ['--state', ws.state] };
    const env = { XDG_CONFIG_HOME: ws.root };
    const cases = [
      ['--dir=', ...elsewhere.state],
      ['--state=', ...elsewhere.dir],
      ['--input=', ...elsewhere.dir, ...elsewhere.state],
    ];
    for (const [flag, ...rest] of cases) {
      const name = flag!.slice(0, -1);
      assert.match(await usage(['get', URL, flag!, ...rest, '--retries', '0'], env), new RegExp(`^tsuzuki get: ${name} needs a value\\.`));
    }
    assert.match(await usage(['get', URL, '--dir', '', ...elsewhere.state, '--retries', '0'], { ...env, ...JAPANESE }), /^tsuzuki get: --dir には値を指定してください。/);
    assert.deepEqual(fs.readdirSync(ws.downloads), []);
    ws.cleanup();
  });

  it('name a stray argument to serve', async () => {
    assert.match(await usage(['serve', 'http://example.com/']), /^tsuzuki serve: unexpected argument "http:\/\/example\.com\/"; tsuzuki serve takes only options\./);
    assert.match(await usage(['serve', 'extra'], JAPANESE), /^tsuzuki serve: 余分な引数「extra」があります。tsuzuki serve にはオプションだけを指定してください。/);
  });
});
