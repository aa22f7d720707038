import type { ItemSnapshot } from '../../../main/contract.ts';
import { useNow } from '../hooks/use-now.ts';
import { statusLine } from '../lib/status-line.ts';

/** The line of words under a download; a retry wait counts down by itself. */
export function StatusText({ item, queuePosition }: { item: ItemSnapshot; queuePosition: number | null }) {
  const now = useNow(item.state === 'retrying');
  const text = statusLine(item, queuePosition, now);
  return (
    <div className="status" title={text}>
      {text}
    </div>
  );
}
