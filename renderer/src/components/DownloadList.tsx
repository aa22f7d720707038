import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { DownloadsView } from '../lib/download-store.ts';
import { DownloadRow, type DownloadRowProps } from './DownloadRow.tsx';

/**
 * Row height in px at the root font size (14 px). Rows are this fixed height, so none is
 * measured, except a failed one: its line says what to do and wraps to show all of it, so
 * its row grows and is measured (only while it is drawn, and only failed rows).
 */
export const ROW_HEIGHT = 60;
/** A failed row's height before it is measured: two more lines of status, the usual. */
const FAILED_ESTIMATE = ROW_HEIGHT + 32;

export interface DownloadListProps {
  view: DownloadsView;
  ids: readonly string[];
  selection: ReadonlySet<string>;
  /** The row with keyboard focus; the list scrolls to it and focuses it when `focusRequest` changes. */
  focusId: string | null;
  focusRequest: number;
  localFiles: boolean;
  onAction: DownloadRowProps['onAction'];
  onSelect: DownloadRowProps['onSelect'];
  onFocusRow: DownloadRowProps['onFocusRow'];
  /** Id of the element that names the list (the selected tab). */
  labelledBy: string;
  id: string;
}

/** Only the rows in view exist in the DOM, so 10,000 downloads scroll like ten. */
export function DownloadList({ view, ids, selection, focusId, focusRequest, localFiles, onAction, onSelect, onFocusRow, labelledBy, id }: DownloadListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const failed = (index: number) => view.get(ids[index]!)?.state === 'failed';
  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scroller.current,
    estimateSize: (index) => (failed(index) ? FAILED_ESTIMATE : ROW_HEIGHT),
    overscan: 6,
    // A measured height belongs to the row while it is failed: once it is retried its key
    // changes, and it is back to the fixed height with nothing to forget.
    getItemKey: (index) => (failed(index) ? `failed:${ids[index]!}` : ids[index]!),
    // Whole pixels, rounded up: a row is never placed over the one before it, and the list
    // ends below its last row, so scrolled to the end that row is seen whole.
    measureElement: (element, entry) => Math.ceil(entry?.borderBoxSize[0]?.blockSize ?? element.getBoundingClientRect().height),
  });

  // Keyboard moves: bring the focused row into view, then give it focus.
  useEffect(() => {
    if (focusRequest === 0 || focusId === null) return;
    const index = ids.indexOf(focusId);
    if (index === -1) return;
    virtualizer.scrollToIndex(index, { align: 'auto' });
    // The row exists once the virtualizer has rendered the new range: try for a few frames.
    let frame = 0;
    let handle = 0;
    const focus = () => {
      const row = scroller.current?.querySelector<HTMLElement>(`[data-id="${CSS.escape(focusId)}"]`);
      if (row) row.focus({ preventScroll: true });
      else if (++frame < 10) handle = requestAnimationFrame(focus);
    };
    handle = requestAnimationFrame(focus);
    return () => cancelAnimationFrame(handle);
    // Only a new request moves focus (deliberately the only dependency): ids changing
    // under a focused row must not scroll the list or steal focus.
  }, [focusRequest]);

  const focusTarget = focusId !== null && view.has(focusId) ? focusId : ids[0];
  return (
    <div ref={scroller} className="list-scroller">
      <div role="list" id={id} aria-labelledby={labelledBy} className="list" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => {
          const itemId = ids[row.index]!;
          const item = view.get(itemId);
          if (!item) return null;
          const grows = item.state === 'failed';
          // Keyed by id, not by the virtual key: a row that fails or is retried keeps its element (and the focus in it).
          return (
            <div
              key={itemId}
              ref={grows ? virtualizer.measureElement : undefined}
              data-index={row.index}
              className={grows ? 'row-slot grows' : 'row-slot'}
              style={{ transform: `translateY(${row.start}px)`, ...(grows ? { minHeight: ROW_HEIGHT } : { height: ROW_HEIGHT }) }}
            >
              <DownloadRow
                item={item}
                queuePosition={item.state === 'queued' ? view.queuePosition(itemId) : null}
                selected={selection.has(itemId)}
                focusTarget={itemId === focusTarget}
                localFiles={localFiles}
                onAction={onAction}
                onSelect={onSelect}
                onFocusRow={onFocusRow}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}
