// Reading back the extended attributes a download was marked with, through the same library
// the engine writes them with (so the tests need no `attr` package installed).

import { getAttributeSync } from '@napi-rs/xattr';

/** The attribute's text, or undefined when the file has none of that name. */
export function attribute(file: string, name: string): string | undefined {
  return getAttributeSync(file, name)?.toString('utf8');
}

/** The freedesktop.org attributes are what Linux records; other systems get other marks. */
export const NOT_LINUX = process.platform !== 'linux' && 'the xdg attributes are what Linux records';
