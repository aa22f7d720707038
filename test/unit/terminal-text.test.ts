// What the CLI prints of text from outside: controls as codes, never obeyed by the terminal.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { terminalLink, terminalText } from '../../main/cli/terminal-text.ts';

describe('text for a terminal', () => {
  it('shows escapes, other controls and bidi overrides as their codes', () => {
    assert.equal(terminalText('a\u001b[2Jb\u0007c\u009bd'), 'a\\x1B[2Jb\\x07c\\x9Bd');
    assert.equal(terminalText('evil\u202egnp.exe'), 'evil\\u202Egnp.exe');
    assert.equal(terminalText('two\nlines\tand a tab'), 'two\nlines\tand a tab');
    assert.equal(terminalText('名前.iso'), '名前.iso');
  });

  it('keeps a link on one line and cuts a long one in the middle', () => {
    assert.equal(terminalLink('http://x/\n\tline'), 'http://x/\\x0A\\x09line');
    const long = `http://example.com/${'a'.repeat(500)}/file.iso`;
    const shown = terminalLink(long);
    assert.equal(shown.length, 200);
    assert.ok(shown.startsWith('http://example.com/aaa'));
    assert.ok(shown.endsWith('aaa/file.iso'));
    assert.ok(shown.includes('…'));
    assert.equal(terminalLink('http://example.com/short'), 'http://example.com/short');
  });
});
