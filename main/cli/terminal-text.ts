// Text from outside the program printed to a terminal: a link from `--input` or the command
// line, a path, a server's words inside a message. A terminal obeys control characters
// rather than showing them (an escape sequence can set the window's title, clear the screen
// or draw lines that look like Tsuzuki's own), and a bidirectional override reorders what
// follows it; so each is shown as its code instead (`\x1B`, `\u202E`).

/** C0 and C1 controls and DEL, but tab and line feed, which a message may hold; the bidi marks, embeddings, overrides and isolates. */
const UNSHOWN_IN_TEXT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** In a link every control is out of place: a line feed would start a line that is not ours. */
const UNSHOWN_IN_LINK = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** A link longer than this is cut in the middle: it names the item, and one line is enough for that. */
const LINK_SHOWN_CHARS = 200;

function codeOf(character: string): string {
  const code = character.codePointAt(0)!;
  return code < 0x100 ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

export function terminalText(text: string): string {
  return text.replace(UNSHOWN_IN_TEXT, codeOf);
}

/** A link as one line: controls shown as codes, and a long one cut in the middle (its end often names the file). */
export function terminalLink(link: string): string {
  const shown = link.replace(UNSHOWN_IN_LINK, codeOf);
  if (shown.length <= LINK_SHOWN_CHARS) return shown;
  const tail = 40;
  return `${shown.slice(0, LINK_SHOWN_CHARS - tail - 1)}…${shown.slice(-tail)}`;
}
