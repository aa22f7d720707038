// The English catalogue names each thing one way, as the Japanese one does: the folder
// downloads go into is the "download folder" (the Settings label), never "a folder for
// downloads" or "the folder Tsuzuki was started with"; a browser asking to hand downloads
// over asks to "connect", as the window's dialog and Settings say, never to "pair".

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CATALOGUES, type Catalogue } from '../../i18n/index.ts';

function messages(catalogue: Catalogue, prefix = ''): [string, string][] {
  return Object.entries(catalogue).flatMap(([key, value]) => (typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : messages(value, `${prefix}${key}.`)));
}

const ONE_WORD: { concept: string; avoid: RegExp }[] = [
  { concept: 'the download folder', avoid: /folder for downloads|the folder Tsuzuki was started with/i },
  { concept: 'connecting a browser', avoid: /\bpair(ing|ed)?\b/i },
];

describe('the English catalogue', () => {
  for (const { concept, avoid } of ONE_WORD) {
    it(`says ${concept} one way`, () => {
      const stray = messages(CATALOGUES['en']!).filter(([, text]) => avoid.test(text)).map(([key]) => key);
      assert.deepEqual(stray, []);
    });
  }
});
