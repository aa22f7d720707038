// `tsuzuki <command>`: picks the subcommand. Each returns the process exit code.
// Subcommands load on demand: the engine's libraries take a while to import, and
// `tsuzuki --help` should not wait for them.

import v8 from 'node:v8';
import { installLastResort } from '../host/last-resort.ts';
import { say } from './messages.ts';

export async function main(argv: string[]): Promise<number> {
  keepYoungGenerationSmall();
  const [command, ...rest] = argv;
  // Both subcommands run the engine in this process: a stray error logs one line, never a stack.
  installLastResort((_line, detail) => console.error(`tsuzuki: ${say('lastResort', { detail })}`));
  switch (command) {
    case 'get': {
      const { getCommand } = await import('./get.ts');
      return getCommand(rest);
    }
    case 'serve': {
      const { serveCommand } = await import('./serve.ts');
      return serveCommand(rest);
    }
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      console.log(say('usage'));
      return command === undefined ? 2 : 0;
    default:
      console.error(`tsuzuki: ${say('unknownCommand', { command })}\n\n${say('usage')}`);
      return 2;
  }
}

/**
 * V8 grows its young generation up to 2 × 16 MiB when objects survive, and keeps it: with
 * 200 downloads open that was 32 MiB of a 140 MiB process, holding under 1 MiB of live
 * objects. Kept at its first size (2 × 1 MiB) it collects more often, which costs little
 * here (most objects die young). Set at run time: the CLI is started as `node
 * bin/tsuzuki.js`, where no command-line flag can be added.
 */
function keepYoungGenerationSmall(): void {
  v8.setFlagsFromString('--semi-space-growth-factor=1');
}
