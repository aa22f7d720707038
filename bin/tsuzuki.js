#!/usr/bin/env node
// The CLI entry. Node 24 (pinned by the `node` devDependency, which npx and npm scripts put
// first on PATH) runs the TypeScript sources directly, so there is no build step for the CLI.
import { main } from '../main/cli/main.ts';

process.exitCode = await main(process.argv.slice(2));
