import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemSnapshot } from '../../main/contract.ts';
import { getConnection, isDesktop } from './api/index.ts';
import { AddBar, type AddBarHandle } from './components/AddBar.tsx';
import { ChangeLinkDialog } from './components/ChangeLinkDialog.tsx';
import { ConfirmDialog, type ConfirmRequest } from './components/ConfirmDialog.tsx';
import { ConnectionBanner } from './components/ConnectionBanner.tsx';
import { DownloadList } from './components/DownloadList.tsx';
import type { SelectModifiers } from './components/DownloadRow.tsx';
import { DropOverlay } from './components/DropOverlay.tsx';
import { EmptyState } from './components/EmptyState.tsx';
import { FilterTabs, tabId } from './components/FilterTabs.tsx';
import { Notices } from './components/Notices.tsx';
import type { RowAction } from './components/row-actions.ts';
import { SaveToFolder } from './components/SaveToFolder.tsx';
import { SettingsDialog } from './components/SettingsDialog.tsx';
import { PairedBrowsers } from './components/PairedBrowsers.tsx';
import { PairingDialog } from './components/PairingDialog.tsx';
import { usePairings } from './hooks/use-pairings.ts';
import { SummaryStrip } from './components/SummaryStrip.tsx';
import { UrlList } from './components/UrlList.tsx';
import { copyText } from './dom/clipboard.ts';
import { focusWasDropped } from './dom/focused-row.ts';
import { useCommands } from './hooks/use-commands.ts';
import { useConnectionState } from './hooks/use-connection.ts';
import { useDownloads } from './hooks/use-downloads.ts';
import { useFreeSpace } from './hooks/use-free-space.ts';
import { useHostFeatures } from './hooks/use-host-features.ts';
import { useNotices } from './hooks/use-notices.ts';
import { useSetAside } from './hooks/use-set-aside.ts';
import { useSettings } from './hooks/use-settings.ts';
import { useShortcuts } from './hooks/use-shortcuts.ts';
import { useWindowDrop, type EmptyDrop } from './hooks/use-window-drop.ts';
import { applyLanguageChoice, errorText } from './i18n.ts';
import type { LinksInText } from './lib/extract-urls.ts';
import { type Filter } from './lib/filters.ts';
import { clickSelect, EMPTY_SELECTION, focusRow, nearestShown, pruneSelection, selectAll, spaceAction, stepSelect, type Selection } from './lib/selection.ts';
import type { SettingsPatch } from './lib/settings-form.ts';

const LIST_ID = 'downloads';
/** Tabs that show a download just added; from any other tab the window switches to All. */
const SHOWS_NEW: readonly Filter[] = ['all', 'active', 'queued'];

export function App() {
  const { t } = useTranslation();
  const { api } = getConnection();
  const connection = useConnectionState();
  const { notices, notify, dismiss } = useNotices();
  const reportError = useCallback((message: string) => notify('error', message), [notify]);
  const view = useDownloads(api, connection, reportError);
  const run = useCommands(api, notify);
  const [settings, setSettings] = useSettings(api, connection);
  const freeBytes = useFreeSpace(api, connection, settings?.dir, `${view.counts.done}|${view.counts.failed}|${view.size}`);
  const localFiles = isDesktop();
  const features = useHostFeatures(api, connection);
  const pairings = usePairings(api, connection, reportError, errorText);
  useSetAside(api, connection, notify);

  const [filter, setFilter] = useState<Filter>('all');
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  const [focusRequest, setFocusRequest] = useState(0);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const [relinking, setRelinking] = useState<ItemSnapshot | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const addBar = useRef<AddBarHandle>(null);
  const emptyList = useRef<HTMLDivElement>(null);

  const ids = view.ids(filter);
  const idsRef = useRef(ids);
  idsRef.current = ids;
  const viewRef = useRef(view);
  viewRef.current = view;

  const selectionRef = useRef(selection);
  selectionRef.current = selection;
  const shownBefore = useRef(ids);

  // Rows that left the tab shown (removed, or moved to another tab) leave the selection. When
  // the row that had the keyboard focus went with it, the focus goes to the row that took its
  // place, or to the empty list when none is left, as in a file manager, instead of falling to
  // the page.
  // `ids` is a new array only when the layout changed, and nothing is built when nothing is selected.
  useEffect(() => {
    const before = shownBefore.current;
    shownBefore.current = ids;
    const current = selectionRef.current;
    if (current.ids.size === 0 && current.anchor === null && current.focus === null) return;
    const shown = new Set(ids);
    const gone = current.focus !== null && !shown.has(current.focus) && focusWasDropped() ? current.focus : null;
    const next = gone !== null ? nearestShown(before, gone, shown) : null;
    setSelection((latest) => {
      const pruned = pruneSelection(latest, (id) => shown.has(id));
      // The row that took its place is selected too, when nothing else is, as in a file manager.
      return next !== null && pruned.focus === null ? focusRow(pruned, next, true) : pruned;
    });
    if (next !== null) setFocusRequest((n) => n + 1);
    // The last row of the tab went: the empty list takes the focus, in the list's place.
    else if (gone !== null && ids.length === 0) emptyList.current?.focus({ preventScroll: true });
  }, [ids]);

  // A clicked notification about a download: show its row, selected and focused.
  useEffect(
    () =>
      api.on('reveal', ({ id }) => {
        setFilter('all');
        setSelection({ ids: new Set([id]), anchor: id, focus: id });
        setFocusRequest((n) => n + 1);
      }),
    [api],
  );

  useEffect(() => {
    document.title = view.counts.active > 0 ? t('ui.titleActive', { speed: view.totalSpeed }) : t('ui.title');
  }, [view.counts.active, view.totalSpeed, t]);

  // The stored choice, as it loads or changes (here or in another window on the same engine).
  useEffect(() => applyLanguageChoice(settings?.language), [settings?.language]);

  /** The system's folder picker, where the host has one; reports a failure and answers null. */
  const chooseFolder = useCallback(
    async (current: string | undefined): Promise<string | null> => {
      const result = await api.invoke('chooseFolder', current ? { defaultPath: current } : {});
      if (!result.ok) {
        notify('error', errorText(result.error));
        return null;
      }
      return result.value.path;
    },
    [api, notify],
  );

  const startDownloads = useCallback(
    async (urls: string[], dir?: string): Promise<boolean> => {
      const result = await run('add', dir ? { urls, options: { dir } } : { urls });
      if (!result) return false;
      const [first] = result.rejected;
      if (first) {
        const more = result.rejected.length - 1;
        notify('error', more > 0 ? t('ui.add.notAdded', { error: errorText(first.error), count: more }) : errorText(first.error));
      }
      if (result.added.length > 0) setFilter((current) => (SHOWS_NEW.includes(current) ? current : 'all'));
      return result.added.length > 0;
    },
    [notify, run, t],
  );

  /**
   * Links from the add box, a paste or a drop: one starts at once; several, or any with
   * others left out or repeated, are confirmed first, with what was left out named.
   */
  const addLinks = useCallback(
    ({ urls, leftOut, repeated }: LinksInText, text: string): Promise<boolean> => {
      if (urls.length === 0) {
        // A single word that is not an http(s) link goes to the engine, which says exactly what is wrong with it.
        const word = text.trim();
        if (word === '' || /\s/.test(word)) {
          notify('info', word.length > 60 || word === '' ? t('ui.add.noLinkInText') : t('ui.add.noLinkIn', { word }));
          return Promise.resolve(false);
        }
        return startDownloads([word]);
      }
      if (urls.length === 1 && leftOut.length === 0 && repeated === 0) return startDownloads(urls);
      // Set by "Save to…" in the confirmation: this batch only, the default folder stays.
      let chosenDir: string | undefined;
      return new Promise((resolve) =>
        setConfirm({
          title: t('ui.add.confirmTitle', { count: urls.length }),
          body: (
            <>
              <SaveToFolder
                defaultDir={settings?.dir ?? null}
                connections={settings?.connections ?? null}
                chooseFolder={features.chooseFolder ? chooseFolder : undefined}
                onChange={(dir) => (chosenDir = dir)}
              />
              <UrlList urls={urls} />
              {leftOut.length > 0 && (
                <>
                  <p>{t('ui.add.leftOut', { count: leftOut.length })}</p>
                  <UrlList urls={leftOut} label={t('ui.add.leftOutLinks')} />
                </>
              )}
              {repeated > 0 && <p>{t('ui.add.repeated', { count: repeated })}</p>}
            </>
          ),
          confirmLabel: t('ui.add.confirm', { count: urls.length }),
          onConfirm: () => void startDownloads(urls, chosenDir).then(resolve),
          onCancel: () => resolve(false),
        }),
      );
    },
    [chooseFolder, features.chooseFolder, notify, settings, startDownloads, t],
  );

  const drag = useWindowDrop(
    useCallback((links: LinksInText) => void addLinks(links, links.urls.join('\n')), [addLinks]),
    useCallback(
      (why: EmptyDrop) =>
        notify(
          'info',
          why.kind === 'unreadable'
            ? t('ui.drop.unreadable')
            : why.kind === 'onlyOtherFiles'
              ? t('ui.drop.onlyLinks', { names: why.names.join(', ') })
              : why.names.length > 0
                ? t('ui.drop.noLinkInFiles', { names: why.names.join(', ') })
                : t('ui.drop.noLinkInDrop'),
        ),
      [notify, t],
    ),
  );

  const confirmRemove = useCallback(
    (items: ItemSnapshot[], deleteFile: boolean) => {
      if (items.length === 0) return;
      const count = items.length;
      const what = count === 1 ? items[0]!.name : t('ui.remove.downloads', { count });
      const anyDone = items.some((item) => item.state === 'done');
      // The engine deletes the partial file of whatever it removes unfinished; a finished file stays.
      const anyUnfinished = items.some((item) => item.state !== 'done');
      setConfirm({
        title: deleteFile ? t('ui.remove.deleteTitle', { what }) : t('ui.remove.removeTitle', { what }),
        body: deleteFile ? (
          <p>{t('ui.remove.deleteBody', { count })}</p>
        ) : (
          <p>
            {[t('ui.remove.removeBody', { count }), anyUnfinished && t('ui.remove.partialDeleted'), anyDone && t('ui.remove.finishedStay')].filter(Boolean).join(' ')}
          </p>
        ),
        confirmLabel: deleteFile ? t('ui.remove.confirmWithFile') : t('ui.remove.confirm'),
        danger: true,
        // Files deleted cannot be had back: an Enter pressed out of habit must keep them.
        cancelByDefault: deleteFile,
        onConfirm: () => void run('remove', { ids: items.map((item) => item.id), deleteFile }),
      });
    },
    [run, t],
  );

  const onAction = useCallback(
    (action: RowAction, item: ItemSnapshot) => {
      const ids = [item.id];
      switch (action) {
        case 'pause':
        case 'resume':
        case 'cancel':
        case 'retry':
          return void run(action, { ids });
        case 'open':
          return void run('openFile', { id: item.id });
        case 'showInFolder':
          return void run('showInFolder', { id: item.id });
        case 'copyLink':
          return void copyText(item.url).then((copied) => notify(copied ? 'info' : 'error', copied ? t('ui.notices.linkCopied') : t('ui.notices.copyFailed')));
        case 'changeLink':
          return setRelinking(item);
        case 'remove':
          return void run('remove', { ids, deleteFile: false });
        case 'removeWithFile':
          return confirmRemove([item], true);
      }
    },
    [confirmRemove, notify, run, t],
  );

  const onSelect = useCallback((id: string, modifiers: SelectModifiers) => setSelection((current) => clickSelect(current, idsRef.current, id, modifiers)), []);

  const onFocusRow = useCallback((id: string, byKeyboard: boolean) => setSelection((current) => focusRow(current, id, byKeyboard)), []);

  const selectedItems = () => [...selection.ids].map((id) => viewRef.current.get(id)).filter((item) => item !== undefined);
  useShortcuts({
    blocked: () => confirm !== null || relinking !== null || settingsOpen,
    selectAll: () => setSelection(selectAll(idsRef.current)),
    clearSelection: () => setSelection(EMPTY_SELECTION),
    step: (step, extend) => {
      setSelection((current) => stepSelect(current, idsRef.current, step, extend));
      setFocusRequest((n) => n + 1);
    },
    toggleRunning: () => {
      const next = spaceAction(new Map(selectedItems().map((item) => [item.id, item.state])));
      if (next) void run(next.command, { ids: next.ids });
    },
    removeSelection: () => confirmRemove(selectedItems(), false),
    paste: (text) => addBar.current?.paste(text),
  });

  const saveSettings = useCallback(
    async (patch: SettingsPatch): Promise<string | null> => {
      const result = await api.invoke('setSettings', patch);
      if (!result.ok) return errorText(result.error);
      setSettings(result.value);
      return null;
    },
    [api, setSettings],
  );

  const chooseLanguage = useCallback(
    (language: string) => {
      applyLanguageChoice(language);
      void api.invoke('setSettings', { language }).then((result) => {
        if (result.ok) setSettings(result.value);
        else notify('error', errorText(result.error));
      });
    },
    [api, notify, setSettings],
  );

  const changeLink = useCallback(
    async (id: string, url: string): Promise<string | null> => {
      const result = await api.invoke('changeUrl', { id, url });
      return result.ok ? null : errorText(result.error);
    },
    [api],
  );

  const { counts } = view;
  return (
    <div className={connection === 'open' ? 'app' : 'app offline'}>
      <header>
        <AddBar ref={addBar} onSubmit={addLinks} />
        <SummaryStrip
          speed={view.totalSpeed}
          counts={counts}
          freeBytes={freeBytes}
          dir={settings?.dir ?? null}
          onPauseAll={() => void run('pauseAll', {})}
          onResumeAll={() => void run('resumeAll', {})}
          onSettings={() => setSettingsOpen(true)}
        />
        <div className="tabs-row">
          <FilterTabs value={filter} counts={counts} onChange={setFilter} controls={LIST_ID} />
          {selection.ids.size > 1 && (
            <span className="selection-info muted">
              {t('ui.selection.hint', { count: selection.ids.size })}
            </span>
          )}
        </div>
      </header>
      <ConnectionBanner state={connection} />
      <main>
        {!view.loaded ? null : ids.length === 0 ? (
          <EmptyState ref={emptyList} id={LIST_ID} labelledBy={tabId(filter)} filter={filter} anyItems={view.size > 0} />
        ) : (
          <DownloadList
            id={LIST_ID}
            labelledBy={tabId(filter)}
            view={view}
            ids={ids}
            selection={selection.ids}
            focusId={selection.focus}
            focusRequest={focusRequest}
            localFiles={localFiles}
            onAction={onAction}
            onSelect={onSelect}
            onFocusRow={onFocusRow}
          />
        )}
      </main>
      <DropOverlay visible={drag.dragging} links={drag.links} />
      <Notices notices={notices} onDismiss={dismiss} />
      <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />
      <ChangeLinkDialog item={relinking} onClose={() => setRelinking(null)} onChange={changeLink} />
      <SettingsDialog
        open={settingsOpen}
        settings={settings}
        desktopSettings={features.desktopSettings}
        chooseFolder={features.chooseFolder ? chooseFolder : undefined}
        onClose={() => setSettingsOpen(false)}
        onSave={saveSettings}
        onLanguage={chooseLanguage}
      >
        <PairedBrowsers browsers={pairings.view.paired} onRevoke={(id) => void pairings.revoke(id)} />
      </SettingsDialog>
      <PairingDialog request={pairings.view.pending[0]} onAnswer={(id, approve) => void pairings.answer(id, approve)} />
    </div>
  );
}
