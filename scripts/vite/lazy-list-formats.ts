// A Vite plugin for the CLI bundle: @sindresorhus/is (a dependency of got) builds two
// Intl.ListFormat objects when it loads, for the wording of its own type errors. Building
// one reads ICU's locale data out of the Node binary: measured 4.5 MB of the binary paged in
// and 6.4 MB of resident memory, in every run, for messages that are almost never shown.
// Here they are built the first time a message needs them. If the library's source no
// longer has these lines, the build fails, so the plugin cannot quietly stop working.

import type { Plugin } from 'vite';

const MODULE = /@sindresorhus[/\\]is[/\\]distribution[/\\]index\.js$/;
const EAGER = [
  [`const andFormatter = new Intl.ListFormat('en', { style: 'long', type: 'conjunction' });`, 'conjunction', 'andFormatter'],
  [`const orFormatter = new Intl.ListFormat('en', { style: 'long', type: 'disjunction' });`, 'disjunction', 'orFormatter'],
] as const;

export function lazyListFormats(): Plugin {
  return {
    name: 'tsuzuki:lazy-list-formats',
    transform(code, id) {
      if (!MODULE.test(id)) return null;
      let lazy = code;
      for (const [line, type, name] of EAGER) {
        if (!lazy.includes(line)) this.error(`${id} no longer has "${line}": update scripts/vite/lazy-list-formats.ts`);
        lazy = lazy.replace(line, `let ${name}Made; const ${name} = { format: (values) => (${name}Made ??= new Intl.ListFormat('en', { style: 'long', type: '${type}' })).format(values) };`);
      }
      return { code: lazy, map: null };
    },
  };
}
