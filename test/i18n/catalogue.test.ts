// The catalogues stay in step: every language has every English message (plural forms as
// its own grammar needs them), with the same placeholders, and none is empty; every code
// the engine can report has words; and every file in i18n/locales is loaded.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { CATALOGUES, createI18n, describeError, describeHistory, type Catalogue } from '../../i18n/index.ts';
import { ACTION_CODES, ERROR_CODES, HISTORY_CODES } from '../../main/engine/errors.ts';

const LOCALES_DIR = path.resolve(import.meta.dirname, '../../i18n/locales');
const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Flat `group.key` → message. */
function flatten(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

/** `{{name}}` and `{{name, format}}`, as a sorted set of "name[,format]". */
function placeholders(message: string): string[] {
  const names = [...message.matchAll(/\{\{\s*([^},]+?)\s*(?:,\s*([^}]+?)\s*)?\}\}/g)].map((m) => (m[2] ? `${m[1]},${m[2]}` : m[1]!));
  // A plural form may leave its count out ("A link …"), however the others format it.
  return [...new Set(names)].filter((name) => name !== 'count' && !name.startsWith('count,')).sort();
}

/** Messages grouped by key without plural suffix: base → { category → message }. */
function byBase(messages: Map<string, string>): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const [key, message] of messages) {
    const match = PLURAL.exec(key);
    const base = match ? key.slice(0, match.index) : key;
    const forms = out.get(base) ?? new Map<string, string>();
    forms.set(match ? match[1]! : '', message);
    out.set(base, forms);
  }
  return out;
}

const english = byBase(flatten(CATALOGUES['en']!));

describe('the message catalogues', () => {
  it('are every file in i18n/locales, English first', () => {
    const files = fs.readdirSync(LOCALES_DIR).filter((name) => name.endsWith('.json')).map((name) => name.replace(/\.json$/, '')).sort();
    assert.deepEqual(Object.keys(CATALOGUES).sort(), files);
    assert.ok(files.includes('en') && files.includes('ja'));
    assert.equal(Object.keys(CATALOGUES)[0], 'en');
  });

  for (const [locale, catalogue] of Object.entries(CATALOGUES)) {
    it(`${locale}: the same keys and placeholders as English, no empty message`, () => {
      const messages = flatten(catalogue);
      for (const [key, message] of messages) assert.ok(message.trim() !== '', `${locale}: ${key} is empty`);
      const forms = byBase(messages);
      assert.deepEqual([...forms.keys()].sort(), [...english.keys()].sort(), `${locale}: keys differ from English`);
      const cardinal = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      const ordinal = new Intl.PluralRules(locale, { type: 'ordinal' }).resolvedOptions().pluralCategories;
      for (const [base, englishForms] of english) {
        const categories = base.endsWith('_ordinal') ? ordinal : cardinal;
        const own = forms.get(base)!;
        const expected = englishForms.get('') ?? englishForms.get('other')!;
        if (!englishForms.has('')) {
          // A plural: each category the language's grammar uses, and no stray one.
          assert.deepEqual([...own.keys()].sort(), [...categories].sort(), `${locale}: plural forms of ${base}`);
        }
        for (const [category, message] of own) {
          assert.deepEqual(placeholders(message), placeholders(expected), `${locale}: placeholders of ${base}${category ? `_${category}` : ''}`);
        }
      }
    });
  }

  it('have words for every error code, action and history code the engine can report', () => {
    for (const code of ERROR_CODES) assert.ok(english.has(`errors.${code}`), `errors.${code}`);
    for (const action of ACTION_CODES) assert.ok(english.has(`actions.${action}`), `actions.${action}`);
    for (const code of HISTORY_CODES) assert.ok(english.has(`history.${code}`), `history.${code}`);
  });

  it("have the CLI's own words only for actions the engine has, and use them in the CLI's error lines", () => {
    const en = CATALOGUES['en'] as { cli: { actions: Record<string, string> } };
    for (const action of Object.keys(en.cli.actions)) assert.ok((ACTION_CODES as readonly string[]).includes(action), action);
    const i18n = createI18n('en');
    const error = { code: 'ERR_NETWORK' as const, params: { variant: 'lost' }, action: 'resume' as const };
    assert.match(describeError(i18n, error), /Resume to continue where it stopped\.$/);
    assert.match(describeError(i18n, error, { actions: 'cli.actions' }), /Run the same command again to continue where it stopped\.$/);
    // An action the CLI has no words of its own for gets the common ones.
    assert.match(describeError(i18n, { code: 'ERR_HTTP_STATUS' as const, params: { status: 404 }, action: 'checkLink' as const }, { actions: 'cli.actions' }), /Check the link and try again\.$/);
  });

  it('word an error and a history entry completely in each language', () => {
    const error = { code: 'ERR_HTTP_STATUS' as const, params: { status: 503, attempts: 3, kept: 12_300_000 }, action: 'retryLater' as const };
    const nested = { code: 'ERR_SERVER_CHANGED' as const, params: { reason: 'wrongRangeStart', got: 10, asked: 2000, times: 5 } };
    for (const locale of Object.keys(CATALOGUES)) {
      const i18n = createI18n(locale);
      for (const text of [describeError(i18n, error), describeError(i18n, nested), describeHistory(i18n, { at: 0, code: 'cannotContinue', params: { error: 'ERR_NETWORK', variant: 'lost', detail: 'ECONNRESET' } })]) {
        assert.doesNotMatch(text, /\{\{|\}\}|errors\.|history\.|actions\./, `${locale}: ${text}`);
      }
    }
    const ja = createI18n('ja');
    assert.equal(describeError(ja, error), 'サーバー側で問題が発生しました（503）。3 回試しましたが、うまくいきませんでした（12.3 MB はダウンロード済みです）。失敗が続く場合は、しばらくしてから再試行してください。');
    assert.equal(describeError(createI18n('en'), error), 'The server had a problem (503). Gave up after 3 attempts, with 12.3 MB downloaded. If it keeps failing, retry later.');
    assert.match(describeError(ja, nested), /2,000 バイト目ではなく 10 バイト目/);
  });

  it('fall back to the code itself for a variant this version has no words for', () => {
    const en = createI18n('en');
    assert.equal(describeError(en, { code: 'ERR_NETWORK', params: { variant: 'somethingNew' } }), 'The server stopped sending before the file was complete.');
  });

  it('show an error or history entry stored before they were data as it was stored', () => {
    const en = createI18n('en');
    const legacy = { code: 'ERR_NOT_FOUND', message: 'The server has no file at this link (404).' } as unknown as Parameters<typeof describeError>[1];
    assert.equal(describeError(en, legacy), 'The server has no file at this link (404).');
    const old = { at: 0, message: 'Link changed' } as unknown as Parameters<typeof describeHistory>[1];
    assert.equal(describeHistory(en, old), 'Link changed');
    assert.doesNotMatch(describeError(en, { code: 'ERR_NOT_FOUND' }), /\{\{/);
  });
});
