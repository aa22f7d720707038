import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ItemSnapshot, Settings } from '../../main/contract.ts';
import { connectApi, type ConnectionState } from './api/index.ts';
import { AddBar } from './components/AddBar.tsx';
import { ChangeLinkDialog } from './components/ChangeLinkDialog.tsx';
import { ConfirmDialog, type ConfirmRequest } from './components/ConfirmDialog.tsx';
import { DownloadList } from './components/DownloadList.tsx';
import type { RowAction } from './components/DownloadRow.tsx';
import { DropOverlay } from './components/DropOverlay.tsx';
import { EmptyState } from './components/EmptyState.tsx';
import { FilterTabs } from './components/FilterTabs.tsx';
import { Notices } from './components/Notices.tsx';
import { SettingsDialog } from './components/SettingsDialog.tsx';
import { SummaryStrip } from './components/SummaryStrip.tsx';
import { urlsInText } from './lib/extract-urls.ts';
import { countByFilter, queuePositions, totalSpeed, visibleItems, type Filter } from './lib/filters.ts';
import { clickSelect, EMPTY_SELECTION, pruneSelection, selectAll, type Selection } from './lib/selection.ts';
import { useCommands } from './state/use-commands.ts';
import { useDownloads } from './state/use-downloads.ts';
import { useNotices } from './state/use-notices.ts';
import { useWindowDrop } from './state/use-window-drop.ts';

export function App() {
  const [connection, setConnection] = useState<ConnectionState>('connecting');
  const api = useMemo(() => connectApi(setConnection), []);
  const items = useDownloads(api, connection);
  const { notices, notify, dismiss } = useNotices();
  const run = useCommands(api, notify);
  const [filter, setFilter] = useState<Filter>('all');
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const [relinking, setRelinking] = useState<ItemSnapshot | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [freeBytes, setFreeBytes] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const addBox = useRef<HTMLInputElement>(null);

  const all = useMemo(() => [...items.values()], [items]);
  const visible = useMemo(() => visibleItems(all, filter), [all, filter]);
  const counts = useMemo(() => countByFilter(all), [all]);
  const positions = useMemo(() => queuePositions(all), [all]);
  const order = useMemo(() => visible.map((item) => item.id), [visible]);

  useEffect(() => setSelection((current) => pruneSelection(current, (id) => items.has(id))), [items]);

  useEffect(() => {
    if (connection !== 'open') return;
    void run('getSettings', {}).then((value) => value && setSettings(value));
    return api.on('settings', setSettings);
  }, [api, connection, run]);

  // Free space and retry countdowns move with time, not with events.
  useEffect(() => {
    if (connection !== 'open') return;
    const refresh = () => void api.invoke('getStatus', {}).then((result) => result.ok && setFreeBytes(result.value.freeBytes));
    refresh();
    const slow = setInterval(refresh, 10_000);
    const fast = setInterval(() => setNow(Date.now()), 1000);
    return () => {
      clearInterval(slow);
      clearInterval(fast);
    };
  }, [api, connection]);

  const addUrls = useCallback(
    (urls: string[], what: string) => {
      if (urls.length === 0) {
        // One word that is not an http(s) link goes to the engine, which says exactly what is wrong with it.
        const word = what.trim();
        if (word && !/\s/.test(word)) urls = [word];
        else return void notify('info', `No link found in ${what.length > 60 ? 'that text' : `"${what}"`}. Links start with http:// or https://.`);
      }
      const start = async () => {
        const result = await run('add', { urls });
        for (const rejected of result?.rejected ?? []) notify('error', rejected.error.message);
      };
      if (urls.length === 1) return void start();
      setConfirm({
        title: `Download ${urls.length} links?`,
        body: (
          <>
            <p className="muted">
              Into {settings?.dir ?? 'the download folder'}, {settings?.connections ?? 8} connections each.
            </p>
            <ul className="url-list">
              {urls.slice(0, 50).map((url) => (
                <li key={url}>{url}</li>
              ))}
              {urls.length > 50 && <li>…and {urls.length - 50} more</li>}
            </ul>
          </>
        ),
        confirmLabel: `Download ${urls.length} links`,
        onConfirm: () => void start(),
      });
    },
    [notify, run, settings],
  );

  const dragging = useWindowDrop(useCallback((urls: string[], what: string) => (urls.length === 0 ? notify('info', `No link in ${what}: nothing was added.`) : addUrls(urls, what)), [addUrls, notify]));

  const onAction = useCallback(
    (action: RowAction, item: ItemSnapshot) => {
      const ids = [item.id];
      switch (action) {
        case 'pause':
          return void run('pause', { ids });
        case 'resume':
          return void run('resume', { ids });
        case 'cancel':
          return void run('cancel', { ids });
        case 'retry':
          return void run('retry', { ids });
        case 'open':
          return void run('openFile', { id: item.id });
        case 'showInFolder':
          return void run('showInFolder', { id: item.id });
        case 'copyLink':
          return void navigator.clipboard.writeText(item.url).then(() => notify('info', 'Link copied.'), () => notify('error', 'Could not copy the link.'));
        case 'changeLink':
          return setRelinking(item);
        case 'remove':
          return void run('remove', { ids, deleteFile: false });
        case 'removeWithFile':
          return setConfirm({
            title: `Delete ${item.name}?`,
            body: <p>The file is deleted from the disk and the download is removed from the list.</p>,
            confirmLabel: 'Remove with file',
            danger: true,
            onConfirm: () => void run('remove', { ids, deleteFile: true }),
          });
      }
    },
    [notify, run],
  );

  const onSelect = useCallback((id: string, modifiers: { shift: boolean; toggle: boolean }) => setSelection((current) => clickSelect(current, order, id, modifiers)), [order]);

  // Keyboard: Ctrl/Cmd+A selects, Space pauses/resumes the selection, Delete removes it,
  // Ctrl/Cmd+V outside a text box pastes into the add box.
  useEffect(() => {
    const inTextBox = (target: EventTarget | null) => target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
    const keydown = (event: KeyboardEvent) => {
      if (inTextBox(event.target) || confirm || settingsOpen || relinking) return;
      const ids = [...selection.ids];
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'a') {
        event.preventDefault();
        setSelection(selectAll(order));
      } else if (event.key === ' ' && ids.length > 0) {
        event.preventDefault();
        const anyRunning = ids.some((id) => ['downloading', 'retrying', 'queued'].includes(items.get(id)?.state ?? ''));
        void run(anyRunning ? 'pause' : 'resume', { ids });
      } else if ((event.key === 'Delete' || event.key === 'Backspace') && ids.length > 0) {
        event.preventDefault();
        setConfirm({
          title: `Remove ${ids.length} download${ids.length > 1 ? 's' : ''}?`,
          body: <p>They are taken off the list. Finished files stay on the disk.</p>,
          confirmLabel: 'Remove',
          danger: true,
          onConfirm: () => void run('remove', { ids, deleteFile: false }),
        });
      }
    };
    const paste = (event: ClipboardEvent) => {
      if (inTextBox(event.target)) return;
      const text = event.clipboardData?.getData('text/plain') ?? '';
      if (!text) return;
      event.preventDefault();
      addBox.current?.focus();
      addUrls(urlsInText(text), text);
    };
    window.addEventListener('keydown', keydown);
    window.addEventListener('paste', paste);
    return () => {
      window.removeEventListener('keydown', keydown);
      window.removeEventListener('paste', paste);
    };
  }, [addUrls, confirm, items, order, relinking, run, selection, settingsOpen]);

  const active = counts.active;
  return (
    <div className="app">
      <header>
        <AddBar ref={addBox} onUrls={addUrls} />
        <SummaryStrip
          speed={totalSpeed(all)}
          active={active}
          queued={counts.queued}
          freeBytes={freeBytes}
          onPauseAll={() => void run('pauseAll', {})}
          onResumeAll={() => void run('resumeAll', {})}
          onSettings={() => setSettingsOpen(true)}
        />
        <FilterTabs value={filter} counts={counts} onChange={setFilter} />
      </header>
      {connection !== 'open' && (
        <div className="banner" role="status">
          {connection === 'connecting' ? 'Connecting to Tsuzuki…' : 'Connection lost. Reconnecting…'}
        </div>
      )}
      <main>
        {visible.length === 0 ? (
          <EmptyState filtered={all.length > 0} />
        ) : (
          <DownloadList items={visible} positions={positions} selection={selection.ids} now={now} onAction={onAction} onSelect={onSelect} />
        )}
      </main>
      <DropOverlay visible={dragging} />
      <Notices notices={notices} onDismiss={dismiss} />
      <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />
      <ChangeLinkDialog item={relinking} onClose={() => setRelinking(null)} onChange={(id, url) => void run('changeUrl', { id, url })} />
      <SettingsDialog
        open={settingsOpen}
        settings={settings}
        onClose={() => setSettingsOpen(false)}
        onSave={(patch) => void run('setSettings', patch).then((value) => value && setSettings(value))}
      />
    </div>
  );
}
