// The host boundary: an untrusted command name and payload in, a result envelope out.
// Arguments are validated against the contract's schemas; any error becomes
// `{ok:false, error:{code, params, action}}` — never a thrown error, never a stack trace.

import { parseCommand, type CommandHandlers, type Result } from '../contract.ts';
import { toErrorInfo } from '../engine/errors.ts';

export async function dispatch(handlers: CommandHandlers, command: unknown, args: unknown): Promise<Result<unknown>> {
  const parsed = parseCommand(command, args);
  if (!parsed.ok) return parsed;
  try {
    const handler = handlers[parsed.command] as (args: unknown) => unknown;
    const value = await handler(parsed.args);
    return { ok: true, value: value ?? null };
  } catch (error) {
    return { ok: false, error: toErrorInfo(error) };
  }
}
