import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { ItemSnapshot } from '../../../main/contract.ts';
import { DownloadRow, type DownloadRowProps } from './DownloadRow.tsx';

const ROW_HEIGHT = 60;

export interface DownloadListProps {
  items: ItemSnapshot[];
  positions: Map<string, number>;
  selection: ReadonlySet<string>;
  now: number;
  onAction: DownloadRowProps['onAction'];
  onSelect: DownloadRowProps['onSelect'];
}

/** Only the rows in view exist in the DOM, so 10,000 downloads scroll like ten. */
export function DownloadList({ items, positions, selection, now, onAction, onSelect }: DownloadListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => items[index]!.id,
  });
  return (
    <div ref={scroller} className="list-scroller">
      <div role="list" aria-label="Downloads" className="list" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => {
          const item = items[row.index]!;
          return (
            <div key={row.key} className="row-slot" style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}>
              <DownloadRow
                item={item}
                queuePosition={positions.get(item.id) ?? null}
                selected={selection.has(item.id)}
                now={item.state === 'retrying' ? now : 0}
                onAction={onAction}
                onSelect={onSelect}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}
