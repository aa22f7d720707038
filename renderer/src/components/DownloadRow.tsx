import { memo, useCallback, useLayoutEffect, useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPercent } from '../../../i18n/index.ts';
import type { ItemSnapshot, ItemState } from '../../../main/contract.ts';
import { focusWasDropped } from '../dom/focused-row.ts';
import { fileBadge } from '../lib/file-glyph.ts';
import { hostOf } from '../lib/format.ts';
import { percentOf } from '../lib/status-line.ts';
import { FileName } from './FileName.tsx';
import { ProgressBar } from './ProgressBar.tsx';
import type { RowAction } from './row-actions.ts';
import { RowButtons } from './RowButtons.tsx';
import { RowMenu } from './RowMenu.tsx';
import { StatusText } from './StatusText.tsx';

export interface SelectModifiers {
  shift: boolean;
  toggle: boolean;
}

export interface DownloadRowProps {
  item: ItemSnapshot;
  queuePosition: number | null;
  selected: boolean;
  /** The row Tab lands on (it and its buttons are tabbable); the others are reached with the arrow keys. */
  focusTarget: boolean;
  localFiles: boolean;
  onAction: (action: RowAction, item: ItemSnapshot) => void;
  onSelect: (id: string, modifiers: SelectModifiers) => void;
  /** The row, or a button in it, got the focus; `byKeyboard` when the row itself got it from the keyboard (Tab). */
  onFocusRow: (id: string, byKeyboard: boolean) => void;
}

/**
 * One download. Memoized: an `items` batch that changes ten items re-renders ten rows, as
 * long as the callbacks it gets stay the same (App keeps them stable).
 */
export const DownloadRow = memo(function DownloadRow({ item, queuePosition, selected, focusTarget, localFiles, onAction, onSelect, onFocusRow }: DownloadRowProps) {
  const { t, i18n } = useTranslation();
  const { name, state } = item;
  const badge = fileBadge(name);
  const percent = percentOf(item);
  const showPercent = percent !== null && state !== 'done' && state !== 'queued' && state !== 'canceled' && item.bytes > 0;
  const select = (event: MouseEvent) => onSelect(item.id, { shift: event.shiftKey, toggle: event.ctrlKey || event.metaKey });
  // The buttons and the menu act on the item as it is when they are used, through a callback
  // that stays the same across progress updates, so the memoized ones do not re-render with them.
  const latest = useRef(item);
  useLayoutEffect(() => {
    latest.current = item;
  });
  const onRowAction = useCallback((action: RowAction) => onAction(action, latest.current), [onAction]);

  // A button that had the focus can go with the state (Cancel, once canceled): the focus then
  // stays on the row instead of falling to the page. Whether it was in the row is read while
  // rendering the new state, before the button leaves the page; only a new state costs this.
  const row = useRef<HTMLDivElement>(null);
  const focusBefore = useRef<{ state: ItemState; inside: boolean }>({ state, inside: false });
  if (focusBefore.current.state !== state) focusBefore.current = { state, inside: row.current?.contains(document.activeElement) ?? false };
  useLayoutEffect(() => {
    if (focusBefore.current.inside && focusWasDropped()) row.current?.focus({ preventScroll: true });
    focusBefore.current.inside = false;
  }, [state]);

  return (
    <div
      ref={row}
      role="listitem"
      aria-label={name}
      data-id={item.id}
      tabIndex={focusTarget ? 0 : -1}
      className={`row state-${state}${selected ? ' selected' : ''}`}
      onMouseDown={(event) => {
        // Shift-click selects a range, not the text between.
        if (event.shiftKey) event.preventDefault();
      }}
      onClick={select}
      onFocus={(event) => onFocusRow(item.id, event.target === event.currentTarget && event.currentTarget.matches(':focus-visible'))}
      onDoubleClick={() => localFiles && state === 'done' && onAction('open', item)}
    >
      <span className={`badge family-${badge.family}`} aria-hidden="true">
        {badge.label}
      </span>
      <div className="main">
        <div className="title">
          <FileName name={name} />
          <span className="host">{hostOf(item.url)}</span>
          {showPercent && (
            <span className="percent" aria-hidden="true">
              {formatPercent(percent, i18n.language)}
            </span>
          )}
        </div>
        <ProgressBar item={item} />
        <StatusText item={item} queuePosition={queuePosition} />
      </div>
      {selected && <span className="visually-hidden">{t('ui.row.selected')}</span>}
      <div className="actions" onClick={(event) => event.stopPropagation()} onDoubleClick={(event) => event.stopPropagation()}>
        <RowButtons name={name} state={state} tabbable={focusTarget} onAction={onRowAction} />
        <span className="slot">
          <RowMenu name={name} state={state} localFiles={localFiles} tabbable={focusTarget} onAction={onRowAction} />
        </span>
      </div>
    </div>
  );
});
