// Runs a command; a refusal becomes a notice the person can read (the engine's message,
// never a stack trace) and the caller gets undefined.

import { useCallback } from 'react';
import type { Command, CommandArgs, CommandResults, TsuzukiApi } from '../../../main/contract.ts';
import { errorText, i18n } from '../i18n.ts';
import type { Notify } from './use-notices.ts';

export type Run = <C extends Command>(command: C, args: CommandArgs[C]) => Promise<CommandResults[C] | undefined>;

export function useCommands(api: TsuzukiApi, notify: Notify): Run {
  return useCallback(
    async (command, args) => {
      let result;
      try {
        result = await api.invoke(command, args);
      } catch {
        // A bridge should never throw, but if one does the window still answers in words.
        notify('error', i18n.t('ui.notices.noAnswer'));
        return undefined;
      }
      if (result.ok) return result.value;
      notify('error', errorText(result.error));
      return undefined;
    },
    [api, notify],
  ) as Run;
}
