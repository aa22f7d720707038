// URLs given on the command line (or forwarded by a second instance): the http(s) ones only.

import { webUrlOf } from '../engine/web-url.ts';

export function urlsInArgv(argv: readonly string[]): string[] {
  return argv.filter((arg) => !/\s/.test(arg) && webUrlOf(arg) !== undefined);
}
