// A state folder the CLI cannot use is named with why, in the terminal's language: never
// Node's English message (`ENOTDIR: not a directory, open …`).

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { tempWorkspace } from '../support/files.ts';
import { runCli } from './run-cli.ts';

describe('tsuzuki get with a state folder it cannot use', () => {
  it('says which folder and why, in English and Japanese, and exits 1', async () => {
    const ws = tempWorkspace();
    const file = path.join(ws.root, 'a-file');
    fs.writeFileSync(file, 'not a folder');
    const args = ['get', 'http://127.0.0.1:1/x', '--dir', ws.downloads, '--state', file, '--retries', '0'];
    const english = await runCli(args);
    assert.equal(english.code, 1);
    assert.equal(english.stderr, `tsuzuki get: cannot use the state folder ${file}: it is a file, not a folder (or a file is in its path). Pass --state DIR with a folder you can write to.\n`);
    const japanese = await runCli(args, { LANG: 'ja_JP.UTF-8' });
    assert.equal(japanese.code, 1);
    assert.equal(japanese.stderr, `tsuzuki get: 状態フォルダー ${file} を使用できません: フォルダーではなくファイルです（またはパスの途中にファイルがあります）。書き込みできるフォルダーを --state DIR で指定してください。\n`);
    ws.cleanup();
  });
});
