// What the host boundary answers a person can reach with ordinary use is worded from the
// catalogue in every language: a link longer than the contract takes (a paste, a browser
// hand-off, Change link…) names the limit, not the schema library's English.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createI18n, describeError } from '../../i18n/index.ts';
import { parseCommand } from '../../main/contract.ts';

const LONG = `https://example.com/${'a'.repeat(9000)}`;

describe('the contract, given a link too long', () => {
  for (const [command, args] of [
    ['add', { urls: ['https://example.com/ok.iso', LONG] }],
    ['changeUrl', { id: 'item-1', url: LONG }],
  ] as const) {
    it(`${command}: names the limit in English and Japanese`, () => {
      const parsed = parseCommand(command, args);
      assert.equal(parsed.ok, false);
      if (parsed.ok) return;
      assert.deepEqual(parsed.error, { code: 'ERR_INVALID_ARGUMENT', params: { variant: 'linkTooLong', command, max: 8192 }, action: 'checkLink' });
      assert.equal(describeError(createI18n('en'), parsed.error), 'A link is longer than 8,192 characters, the most Tsuzuki takes. Check the link and try again.');
      const ja = describeError(createI18n('ja'), parsed.error);
      assert.equal(ja, 'リンクが 8,192 文字を超えています。Tsuzuki が受け付けるリンクは 8,192 文字までです。リンクを確認して、もう一度お試しください。');
      assert.doesNotMatch(ja, /Too big|expected|characters/);
    });
  }
});
