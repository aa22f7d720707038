import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nameFromResponse, numberedName, sanitizeFileName } from '../../main/engine/file-name.ts';
import { snapshotOf } from '../../main/engine/item-snapshot.ts';
import { newCheckpoint } from '../../main/engine/new-checkpoint.ts';
import { SpeedMeter } from '../../main/engine/speed-meter.ts';

describe('file names from untrusted servers', () => {
  it('keeps one plain path component', () => {
    assert.equal(sanitizeFileName('../../x'), 'x');
    assert.equal(sanitizeFileName('/etc/passwd'), 'passwd');
    assert.equal(sanitizeFileName('..\\..\\windows\\system.ini'), 'system.ini');
    assert.equal(sanitizeFileName('..'), 'download');
    assert.equal(sanitizeFileName(''), 'download');
    assert.equal(sanitizeFileName('...'), 'download');
  });

  it('renames Windows device names and strips control and reserved characters', () => {
    assert.equal(sanitizeFileName('CON'), 'CON_');
    assert.equal(sanitizeFileName('nul.txt'), 'nul_.txt');
    assert.equal(sanitizeFileName('a\u0000b\u0007c\u001b.txt'), 'a_b_c_.txt');
    assert.equal(sanitizeFileName('what?<is>"this":*|.pdf'), 'what__is__this____.pdf');
    assert.equal(sanitizeFileName('  .hidden  '), 'hidden');
    assert.equal(sanitizeFileName('evil\u202Etxt.exe'), 'evil_txt.exe');
  });

  it('stays within 255 bytes with room for ".part", keeping the extension and whole characters', () => {
    const name = sanitizeFileName(`${'é'.repeat(300)}.iso`);
    assert.ok(Buffer.byteLength(`${name}.part`) <= 255);
    assert.ok(name.endsWith('.iso'));
    assert.ok(!name.includes('\ufffd'));
  });

  it('cuts a name thousands of characters long in one pass, to the longest prefix that fits', { timeout: 10_000 }, async () => {
    // Cutting one character at a time took about a second per name of a maximal link, and
    // every snapshot of an item not yet named does it again: a list of such links held the
    // engine's event loop for minutes. The yields between names let the timeout catch that.
    const stem = `${'ü'.repeat(3000)}${'x'.repeat(5000)}`;
    const name = sanitizeFileName(`${stem}.iso`);
    // 240 bytes at most (room for ".part"): 118 two-byte characters and the extension.
    const expected = `${'ü'.repeat(118)}.iso`;
    assert.equal(name, expected);
    for (let i = 0; i < 50; i++) {
      assert.equal(sanitizeFileName(`${stem}${i}.bin`).length, 118 + 4);
      await new Promise((resolve) => setImmediate(resolve));
    }
  });

  it('prefers filename* (RFC 5987) over filename, then the URL path', () => {
    assert.equal(nameFromResponse(`attachment; filename="EUR rates.pdf"; filename*=UTF-8''%E2%82%AC%20rates.pdf`, 'http://h/x'), '€ rates.pdf');
    assert.equal(nameFromResponse('attachment; filename="../../x"', 'http://h/y'), 'x');
    assert.equal(nameFromResponse(undefined, 'http://h/dir/report%20final.pdf?sig=1'), 'report final.pdf');
    assert.equal(nameFromResponse('attachment', 'http://h/dir/'), 'dir');
    assert.equal(nameFromResponse(undefined, 'http://example.com/'), 'example.com');
    assert.equal(nameFromResponse('attachment; filename*=garbage', 'http://h/fallback.bin'), 'fallback.bin');
  });

  it('numbers conflicts before the extension', () => {
    assert.equal(numberedName('report.pdf', 1), 'report (1).pdf');
    assert.equal(numberedName('backup.tar.gz', 2), 'backup (2).tar.gz');
    assert.equal(numberedName('README', 3), 'README (3)');
  });

  it('renames device names with several dots or a space before the dot, as Windows reads them', () => {
    assert.equal(sanitizeFileName('con.a.b'), 'con_.a.b');
    assert.equal(sanitizeFileName('CON .txt'), 'CON_.txt');
    assert.equal(sanitizeFileName('lpt1.x.y'), 'lpt1_.x.y');
    assert.equal(sanitizeFileName('aux.tar.gz'), 'aux_.tar.gz');
    assert.equal(sanitizeFileName('console.txt'), 'console.txt');
  });

  it('shows invisible and format characters as "_" so no name passes for another', () => {
    assert.equal(sanitizeFileName('set\u200bup.exe'), 'set_up.exe');
    assert.equal(sanitizeFileName('in\u061cvoice.pdf'), 'in_voice.pdf');
    assert.equal(sanitizeFileName('a\u3164b.txt'), 'a_b.txt');
    assert.equal(sanitizeFileName('\ufeffreport.txt'), '_report.txt');
    assert.equal(sanitizeFileName('photo\u202egpj.exe'), 'photo_gpj.exe');
    assert.equal(sanitizeFileName('x\u2060y\u00ad.bin'), 'x_y_.bin');
  });

  it('gives a row the sanitized name before the first response', () => {
    const row = (url: string, fileName?: string) => snapshotOf({ cp: newCheckpoint(url, '/tmp', fileName ? { fileName } : {}, 1, 0), meter: new SpeedMeter() }, 0).name;
    assert.equal(row('https://example.com/files/CON%20.txt'), 'CON_.txt');
    assert.equal(row('https://example.com/a%E2%80%8Bb.bin'), 'a_b.bin');
    assert.equal(row('https://example.com/x', 'lpt1.x.y'), 'lpt1_.x.y');
  });
});
