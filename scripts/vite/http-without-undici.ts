// A Vite plugin for the CLI bundle: `node:http` is imported through `require`, not as an ES
// module. Node builds the namespace of an ES-module import of a builtin by reading every
// export, and `node:http`'s exports include getters (WebSocket and its events) that load
// undici, Node's bundled fetch and WebSocket client, which Tsuzuki never uses: measured on
// Node 24, 3.5 MB of resident memory and 20 ms of start-up. Through `require`, only the
// names the bundle uses are read.

import http from 'node:http';
import type { Plugin } from 'vite';

const VIRTUAL = '\0tsuzuki:node-http';

export function httpWithoutUndici(): Plugin {
  // The plain exports of node:http; its lazy getters (those that load undici) are left out.
  const names = Object.keys(http).filter((name) => {
    const descriptor = Object.getOwnPropertyDescriptor(http, name);
    return descriptor !== undefined && !descriptor.get && /^[A-Za-z_$][\w$]*$/.test(name);
  });
  return {
    name: 'tsuzuki:http-without-undici',
    enforce: 'pre',
    resolveId(source, importer) {
      if ((source === 'node:http' || source === 'http') && importer !== VIRTUAL) return VIRTUAL;
      return null;
    },
    load(id) {
      if (id !== VIRTUAL) return null;
      return [
        `import { createRequire } from 'node:module';`,
        `const http = createRequire(import.meta.url)('node:http');`,
        `export default http;`,
        `export const { ${names.join(', ')} } = http;`,
      ].join('\n');
    },
  };
}

