// The host boundary: an untrusted command name and payload in, a result envelope out.
// Arguments are validated against the contract's schemas; any error becomes
// `{ok:false, error:{code, params, action}}` — never a thrown error, never a stack trace.

import { parseCommand, type CommandHandlers, type Result } from '../contract.ts';
import { toErrorInfo } from '../engine/errors.ts';

export async function dispatch(handlers: CommandHandlers, command: unknown, args: unknown): Promise<Result<unknown>> {
  return dispatchNow(handlers, command, args);
}

/**
 * The same, answering at once when the handler does (most commands are synchronous): the
 * web host counts a command as in flight only while its work really is under way.
 */
export function dispatchNow(handlers: CommandHandlers, command: unknown, args: unknown): Result<unknown> | Promise<Result<unknown>> {
  const parsed = parseCommand(command, args);
  if (!parsed.ok) return parsed;
  let value: unknown;
  try {
    value = (handlers[parsed.command] as (args: unknown) => unknown)(parsed.args);
  } catch (error) {
    return { ok: false, error: toErrorInfo(error) };
  }
  if (value instanceof Promise) return value.then((settled: unknown) => ({ ok: true, value: settled ?? null }), (error: unknown) => ({ ok: false, error: toErrorInfo(error) }));
  return { ok: true, value: value ?? null };
}
