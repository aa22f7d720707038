// `tsuzuki <command>`: picks the subcommand. Each returns the process exit code.
// Subcommands load on demand: the engine's libraries take a while to import, and
// `tsuzuki --help` should not wait for them.

import { installLastResort } from '../host/last-resort.ts';

const USAGE = `Usage:
  tsuzuki get <url…> [--dir DIR] [--sha256 HEX] [--state DIR] [--connections N]
                     [--max-concurrent J] [--input FILE] [--limit RATE] [--retries N]
                     [--header 'Name: value']… [--user-agent UA] [--referer URL] [--proxy URL]
  tsuzuki serve [--port N] [--host ADDR] [--dir DIR] [--state DIR]
  tsuzuki --help

Run "tsuzuki get --help" or "tsuzuki serve --help" for details.`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  // Both subcommands run the engine in this process: a stray error logs one line, never a stack.
  installLastResort((line) => console.error(`tsuzuki: ${line}`));
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
      console.log(USAGE);
      return command === undefined ? 2 : 0;
    default:
      console.error(`tsuzuki: unknown command "${command}".\n\n${USAGE}`);
      return 2;
  }
}
