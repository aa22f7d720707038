import { useTranslation } from 'react-i18next';
import type { ItemSnapshot } from '../../../main/contract.ts';
import { useNow } from '../hooks/use-now.ts';
import { useSteadyValue } from '../hooks/use-steady-value.ts';
import { statusLine, statusTooltip } from '../lib/status-line.ts';

/** Byte counts, speed and time left change at most about twice a second; a new state shows at once. */
const STEADY_MS = 450;

/** The line of words under a download; a retry wait counts down by itself. */
export function StatusText({ item, queuePosition }: { item: ItemSnapshot; queuePosition: number | null }) {
  const { i18n } = useTranslation();
  const now = useNow(item.state === 'retrying');
  const text = useSteadyValue(statusLine(item, queuePosition, now, i18n), item.state, STEADY_MS);
  return (
    <div className={item.notSaved ? 'status not-saved' : 'status'} title={statusTooltip(text, item.history, i18n)}>
      {text}
    </div>
  );
}
