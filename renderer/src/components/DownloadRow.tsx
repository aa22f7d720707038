import * as Menu from '@radix-ui/react-dropdown-menu';
import { memo } from 'react';
import type { ItemSnapshot } from '../../../main/contract.ts';
import { fileBadge } from '../lib/file-glyph.ts';
import { Icon } from './Icon.tsx';
import { hostOf } from '../lib/format.ts';
import { percentOf, progressWords, statusLine } from '../lib/status-line.ts';

export type RowAction = 'pause' | 'resume' | 'cancel' | 'retry' | 'open' | 'showInFolder' | 'copyLink' | 'changeLink' | 'remove' | 'removeWithFile';

export interface DownloadRowProps {
  item: ItemSnapshot;
  queuePosition: number | null;
  selected: boolean;
  now: number;
  onAction: (action: RowAction, item: ItemSnapshot) => void;
  onSelect: (id: string, modifiers: { shift: boolean; toggle: boolean }) => void;
}

/** One download: memoized, so a batch that changes ten items re-renders ten rows. */
export const DownloadRow = memo(function DownloadRow({ item, queuePosition, selected, now, onAction, onSelect }: DownloadRowProps) {
  const percent = percentOf(item);
  const running = item.state === 'downloading' || item.state === 'retrying' || item.state === 'queued';
  const name = item.name;
  const badge = fileBadge(name);
  return (
    <div
      role="listitem"
      aria-label={name}
      aria-selected={selected}
      className={`row state-${item.state}${selected ? ' selected' : ''}`}
      onClick={(event) => onSelect(item.id, { shift: event.shiftKey, toggle: event.ctrlKey || event.metaKey })}
    >
      <span className={`badge family-${badge.family}`} aria-hidden="true">
        {badge.label}
      </span>
      <div className="main">
        <div className="title">
          <span className="name" title={name}>
            {name}
          </span>
          <span className="host">{hostOf(item.url)}</span>
          {percent !== null && item.state !== 'done' && <span className="percent">{percent}%</span>}
        </div>
        <div
          className="bar"
          role="progressbar"
          aria-label={`${name} progress`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent ?? undefined}
          aria-valuetext={progressWords(item)}
        >
          <div className="fill" style={{ width: `${percent ?? (item.state === 'done' ? 100 : 0)}%` }} />
          {item.total !== null && item.segments.length > 1 &&
            item.segments.map(([start, end]) => (
              <div key={start} className="segment" style={{ left: `${(start / item.total!) * 100}%`, width: `${((end - start) / item.total!) * 100}%` }} />
            ))}
        </div>
        <div className="status" title={item.state === 'failed' ? item.error?.message : undefined}>
          {statusLine(item, queuePosition, now)}
        </div>
      </div>
      <div className="actions" onClick={(event) => event.stopPropagation()}>
        {running && (
          <button type="button" aria-label={`Pause ${name}`} title="Pause" onClick={() => onAction('pause', item)}>
            <Icon name="pause" />
          </button>
        )}
        {item.state === 'paused' && (
          <button type="button" aria-label={`Resume ${name}`} title="Resume" onClick={() => onAction('resume', item)}>
            <Icon name="play" />
          </button>
        )}
        {(item.state === 'failed' || item.state === 'canceled') && (
          <button type="button" aria-label={`Retry ${name}`} title="Retry" onClick={() => onAction('retry', item)}>
            <Icon name="retry" />
          </button>
        )}
        {item.state !== 'done' && item.state !== 'canceled' && (
          <button type="button" aria-label={`Cancel ${name}`} title="Cancel" onClick={() => onAction('cancel', item)}>
            <Icon name="cancel" />
          </button>
        )}
        <RowMenu item={item} onAction={onAction} />
      </div>
    </div>
  );
});

function RowMenu({ item, onAction }: { item: ItemSnapshot; onAction: DownloadRowProps['onAction'] }) {
  const done = item.state === 'done';
  const entry = (action: RowAction, label: string, enabled = true) => (
    <Menu.Item className="menu-item" disabled={!enabled} onSelect={() => onAction(action, item)}>
      {label}
    </Menu.Item>
  );
  return (
    <Menu.Root>
      <Menu.Trigger asChild>
        <button type="button" aria-label={`More actions for ${item.name}`} title="More">
          <Icon name="more" />
        </button>
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content className="menu" align="end" sideOffset={4}>
          {entry('open', 'Open', done)}
          {entry('showInFolder', 'Show in folder')}
          {entry('copyLink', 'Copy link')}
          {entry('changeLink', 'Change link…', !done)}
          {entry('retry', 'Retry', item.state === 'failed' || item.state === 'canceled')}
          <Menu.Separator className="menu-separator" />
          {entry('remove', 'Remove')}
          {entry('removeWithFile', 'Remove with file')}
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
