// Numbers in the chosen language (SI decimal sizes), the language a terminal or browser
// asks for, and the CLI's speed limits in the same units.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatBytes, formatDuration, formatPercent, formatSpeed, localeFromEnv, matchLocale, resolveChoice } from '../../i18n/index.ts';
import { parseRate, parseSize } from '../../main/cli/rate.ts';

describe('sizes, speeds and durations', () => {
  it('are SI decimal with at most one decimal, in either language', () => {
    for (const locale of ['en', 'ja']) {
      assert.equal(formatBytes(512, locale), '512 B');
      assert.equal(formatBytes(1000, locale), '1 kB');
      assert.equal(formatBytes(45_200_000, locale), '45.2 MB');
      assert.equal(formatBytes(719_400_000, locale), '719 MB');
      assert.equal(formatBytes(1_200_000_000, locale), '1.2 GB');
      assert.equal(formatSpeed(8_400_000, locale), '8.4 MB/s');
    }
    assert.equal(formatBytes(1_500_000, 'de'), '1,5 MB', 'the decimal sign is the language’s');
  });

  it('words durations through Intl in the language', () => {
    assert.equal(formatDuration(130, 'en'), '2 min');
    assert.equal(formatDuration(130, 'ja'), '2 分');
    assert.equal(formatDuration(3 * 3600 + 20 * 60, 'ja'), '3 時間 20 分');
    assert.equal(formatDuration(Number.POSITIVE_INFINITY, 'en'), '—');
    assert.equal(formatPercent(45, 'en'), '45%');
  });
});

describe('the language to speak', () => {
  it('follows LC_ALL, then LC_MESSAGES, then LANG; C and POSIX mean English', () => {
    assert.equal(localeFromEnv({ LANG: 'ja_JP.UTF-8' }), 'ja');
    assert.equal(localeFromEnv({ LC_MESSAGES: 'ja_JP.UTF-8', LANG: 'en_US.UTF-8' }), 'ja');
    assert.equal(localeFromEnv({ LC_ALL: 'en_US.UTF-8', LC_MESSAGES: 'ja_JP.UTF-8', LANG: 'ja_JP.UTF-8' }), 'en');
    assert.equal(localeFromEnv({ LC_ALL: '', LANG: 'ja_JP.UTF-8' }), 'ja', 'an empty variable does not count');
    assert.equal(localeFromEnv({ LC_ALL: 'C', LANG: 'ja_JP.UTF-8' }), 'en');
    assert.equal(localeFromEnv({ LANG: 'POSIX' }), 'en');
    assert.equal(localeFromEnv({ LANG: 'fr_FR.UTF-8' }), 'en', 'a language without a catalogue falls back to English');
    assert.equal(localeFromEnv({}), 'en');
  });

  it('matches browser tags by language, and a stored choice wins over the system', () => {
    assert.equal(matchLocale(['ja-JP', 'en-US']), 'ja');
    assert.equal(matchLocale(['fr-FR', 'ja']), 'ja');
    assert.equal(matchLocale(['fr-FR']), 'en');
    assert.equal(resolveChoice('system', ['ja-JP']), 'ja');
    assert.equal(resolveChoice('en', ['ja-JP']), 'en');
    assert.equal(resolveChoice('xx', ['ja-JP']), 'ja', 'an unknown stored choice follows the system');
  });
});

describe('CLI speed limits', () => {
  it('read K, M, G as SI decimal and KiB, MiB, GiB as binary', () => {
    assert.equal(parseRate('2M'), 2_000_000);
    assert.equal(parseRate('2MB/s'), 2_000_000);
    assert.equal(parseRate('500k'), 500_000);
    assert.equal(parseRate('1.5G'), 1_500_000_000);
    assert.equal(parseRate('2MiB'), 2 * 1024 ** 2);
    assert.equal(parseRate('64KiB/s'), 64 * 1024);
    assert.equal(parseRate('12345'), 12_345);
    assert.equal(parseRate('0'), 0);
    for (const bad of ['', 'fast', '2X', '-1M', '2 M B s']) assert.equal(parseRate(bad), null, bad);
  });

  it('sizes (--disk-reserve) read the same units, without a per second', () => {
    assert.equal(parseSize('32M'), 32_000_000);
    assert.equal(parseSize('32MiB'), 32 * 1024 ** 2);
    assert.equal(parseSize('1.5GB'), 1_500_000_000);
    assert.equal(parseSize('0'), 0);
    for (const bad of ['', 'lots', '32M/s', '-1M', '1e6']) assert.equal(parseSize(bad), null, bad);
  });
});
