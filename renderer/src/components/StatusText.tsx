import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemSnapshot } from '../../../main/contract.ts';
import { useNow } from '../hooks/use-now.ts';
import { useSteadyValue } from '../hooks/use-steady-value.ts';
import { statusLine, statusTooltip } from '../lib/status-line.ts';

/** Byte counts, speed and time left change at most about twice a second; a new state shows at once. */
const STEADY_MS = 450;

/**
 * The line of words under a download; a retry wait counts down by itself. The line and its
 * tooltip go through i18next, about a third of the window's script time while downloads run,
 * so each is built once per change: the steady value shows a new line by setting state, and that
 * second render finds both already made.
 */
export function StatusText({ item, queuePosition }: { item: ItemSnapshot; queuePosition: number | null }) {
  const { i18n } = useTranslation();
  const language = i18n.language;
  const now = useNow(item.state === 'retrying');
  const line = useMemo(() => statusLine(item, queuePosition, now, i18n), [item, queuePosition, now, i18n, language]);
  const text = useSteadyValue(line, item.state, STEADY_MS);
  // Every snapshot brings a new history array; entries are only appended, each with its time,
  // so the count and the last entry name what the tooltip shows.
  const { history } = item;
  const last = history.at(-1);
  const historyKey = `${history.length}|${last?.at}|${last?.code}`;
  const title = useMemo(() => statusTooltip(text, history, i18n), [text, historyKey, i18n, language]);
  return (
    <div className={item.notSaved ? 'status not-saved' : 'status'} title={title}>
      {text}
    </div>
  );
}
