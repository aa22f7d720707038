import * as Dialog from '@radix-ui/react-dialog';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemSnapshot } from '../../../main/contract.ts';
import { useRestoreFocus } from '../hooks/use-restore-focus.ts';

export interface ChangeLinkDialogProps {
  item: ItemSnapshot | null;
  onClose: () => void;
  /** Resolves to an error message to show, or null when the link was changed. */
  onChange: (id: string, url: string) => Promise<string | null>;
}

/** A fresh link for an expired one; the engine keeps the bytes when the file is unchanged. */
export function ChangeLinkDialog({ item, onClose, onChange }: ChangeLinkDialogProps) {
  const { t } = useTranslation();
  const restoreFocus = useRestoreFocus(item !== null);
  const [url, setUrl] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setUrl(item?.url ?? '');
    setError(null);
    setBusy(false);
  }, [item]);
  return (
    <Dialog.Root open={item !== null} onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog" onCloseAutoFocus={restoreFocus} aria-describedby="change-link-help">
          <Dialog.Title className="dialog-title">{t('ui.changeLink.title', { name: item?.name ?? '' })}</Dialog.Title>
          <form
            className="change-link"
            onSubmit={(event) => {
              event.preventDefault();
              if (!item || busy) return;
              setBusy(true);
              void onChange(item.id, url.trim()).then((message) => {
                setBusy(false);
                if (message === null) onClose();
                else setError(message);
              });
            }}
          >
            <p id="change-link-help" className="muted">
              {/* A new link is not a resume: the engine keeps a paused download paused. */}
              {item && item.bytes > 0
                ? `${t('ui.changeLink.keeps', { bytes: item.bytes })}${item.state === 'paused' ? ` ${t('ui.changeLink.staysPaused')}` : ''}`
                : t(item?.state === 'paused' ? 'ui.changeLink.pausedRestarts' : item?.state === 'canceled' ? 'ui.changeLink.canceledRestarts' : 'ui.changeLink.restarts')}
            </p>
            <label className="field">
              {t('ui.changeLink.newLink')}
              <input
                type="url"
                value={url}
                onChange={(event) => {
                  setUrl(event.target.value);
                  setError(null);
                }}
                aria-invalid={error !== null}
                aria-describedby={error ? 'change-link-error' : undefined}
                spellCheck={false}
                autoFocus
              />
            </label>
            {error && (
              <p id="change-link-error" className="field-error" role="alert">
                {error}
              </p>
            )}
            <div className="dialog-actions">
              <Dialog.Close asChild>
                <button type="button">{t('ui.dialog.cancel')}</button>
              </Dialog.Close>
              <button type="submit" className="primary" disabled={busy || !url.trim()}>
                {t('ui.changeLink.submit')}
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
