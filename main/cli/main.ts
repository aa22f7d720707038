// `tsuzuki <command>`: picks the subcommand. Each returns the process exit code.
// Subcommands load on demand: the engine's libraries take a while to import, and
// `tsuzuki --help` should not wait for them.

import { installLastResort } from '../host/last-resort.ts';
import { say } from './messages.ts';

export async function main(argv: string[]): Promise<number> {
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
