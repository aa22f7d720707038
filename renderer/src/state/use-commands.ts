// Runs a command and turns a refusal into a notice the user can read.

import { useCallback } from 'react';
import type { Command, CommandArgs, CommandResults, TsuzukiApi } from '../../../main/contract.ts';
import type { Notice } from './use-notices.ts';

export type Run = <C extends Command>(command: C, args: CommandArgs[C]) => Promise<CommandResults[C] | undefined>;

export function useCommands(api: TsuzukiApi, notify: (kind: Notice['kind'], text: string) => void): Run {
  return useCallback(
    async (command, args) => {
      const result = await api.invoke(command, args);
      if (result.ok) return result.value;
      notify('error', result.error.message);
      return undefined;
    },
    [api, notify],
  ) as Run;
}
