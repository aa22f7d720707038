// The engine reports codes and parameters; words are chosen at the edge. An error the
// engine did not expect (a TypeError, a library's error) used to carry its English message
// as ERR_INTERNAL's detail, and the Japanese words then showed English. Now the detail is
// the error's code or name alone, whichever surface words it, and the engine's own
// ERR_INTERNAL cases are variants with words in every language. (Every host's answer to a
// command that throws goes through the same toErrorInfo.)

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createI18n, describeError } from '../../i18n/index.ts';
import { DownloadError, toErrorInfo } from '../../main/engine/errors.ts';
import { requestError } from '../../main/engine/request-error.ts';
import { insideFolder } from '../../main/engine/target-file.ts';
import { lastResortDetail, lastResortLine } from '../../main/host/last-resort.ts';

const ja = createI18n('ja');
const en = createI18n('en');
/** Words of English prose (three letters or more, lower case): codes like ECONNRESET or TypeError are not prose. */
const ENGLISH_PROSE = /\b(?:cannot|read|properties|undefined|socket|hang|refused|write|outside|the|file|without|could|not|lock)\b/i;

describe('no English detail reaches a Japanese reader', () => {
  it('an unexpected error becomes ERR_INTERNAL with its name or code, never its message', () => {
    const cases: [unknown, string][] = [
      [new TypeError("Cannot read properties of undefined (reading 'x')"), 'TypeError'],
      [Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), 'ECONNRESET'],
      ['a string thrown on its own', 'EUNKNOWN'],
    ];
    for (const [error, detail] of cases) {
      const info = toErrorInfo(error);
      assert.equal(info.code, 'ERR_INTERNAL');
      assert.equal(info.params?.['detail'], detail);
      const words = describeError(ja, info);
      assert.doesNotMatch(words, ENGLISH_PROSE, words);
      assert.match(words, new RegExp(detail));
    }
  });

  it("the engine's own internal failures are variants, worded in both languages", () => {
    assert.throws(
      () => insideFolder('/tmp/x', '../escape'),
      (error: DownloadError) => {
        const info = error.info();
        assert.equal(info.code, 'ERR_INTERNAL');
        assert.equal(typeof info.params?.['variant'], 'string');
        assert.doesNotMatch(describeError(ja, info), ENGLISH_PROSE);
        assert.match(describeError(en, info), /outside/);
        return true;
      },
    );
  });

  it('a lost connection without a code says none of its English message', () => {
    const info = requestError(new Error('the stream was destroyed for some reason')).info();
    assert.equal(info.code, 'ERR_NETWORK');
    assert.doesNotMatch(describeError(ja, info), /stream|destroyed|reason/);
  });

  it("the CLI's last-resort line in Japanese gets the code, while the log line keeps the message", () => {
    const error = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    assert.equal(lastResortDetail(error), 'ECONNRESET');
    assert.equal(lastResortDetail(new TypeError('x is not a function')), 'TypeError');
    assert.match(lastResortLine(error), /ECONNRESET: socket hang up/);
    assert.doesNotMatch(ja.t('cli.lastResort', { detail: lastResortDetail(error) }), ENGLISH_PROSE);
  });
});
