// The Japanese catalogue names each thing one way everywhere, so the window, the tray and
// the terminal read as one program: "progress" is 進行状況 (never 進捗), a download under way
// is ダウンロード中 (never 実行中), a folder is フォルダー (never the short フォルダ), and the
// folder downloads go into is the ダウンロードフォルダー, as errors and Settings both call it
// (never 保存先フォルダー).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CATALOGUES, type Catalogue } from '../../i18n/index.ts';

function messages(catalogue: Catalogue, prefix = ''): [string, string][] {
  return Object.entries(catalogue).flatMap(([key, value]) => (typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : messages(value, `${prefix}${key}.`)));
}

const ONE_WORD: { concept: string; avoid: RegExp }[] = [
  { concept: 'progress (進行状況)', avoid: /進捗/ },
  { concept: 'downloading (ダウンロード中)', avoid: /実行中/ },
  { concept: 'folder (フォルダー)', avoid: /フォルダ(?!ー)/ },
  { concept: 'the download folder (ダウンロードフォルダー)', avoid: /保存先フォルダー/ },
];

describe('the Japanese catalogue', () => {
  for (const { concept, avoid } of ONE_WORD) {
    it(`says ${concept} one way`, () => {
      const stray = messages(CATALOGUES['ja']!).filter(([, text]) => avoid.test(text)).map(([key]) => key);
      assert.deepEqual(stray, []);
    });
  }
});
