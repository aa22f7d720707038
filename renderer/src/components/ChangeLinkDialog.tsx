import * as Dialog from '@radix-ui/react-dialog';
import { useEffect, useState } from 'react';
import type { ItemSnapshot } from '../../../main/contract.ts';
import { formatBytes } from '../lib/format.ts';
import { useRestoreFocus } from '../hooks/use-restore-focus.ts';

export interface ChangeLinkDialogProps {
  item: ItemSnapshot | null;
  onClose: () => void;
  /** Resolves to an error message to show, or null when the link was changed. */
  onChange: (id: string, url: string) => Promise<string | null>;
}

/** A fresh link for an expired one; the engine keeps the bytes when the file is unchanged. */
export function ChangeLinkDialog({ item, onClose, onChange }: ChangeLinkDialogProps) {
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
          <Dialog.Title className="dialog-title">Change link for {item?.name}</Dialog.Title>
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
              {item && item.bytes > 0
                ? `The ${formatBytes(item.bytes)} already downloaded stay if the new link serves the same file; if the file changed, it starts over.`
                : 'The download starts again from the new link.'}
            </p>
            <label className="field">
              New link
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
                <button type="button">Cancel</button>
              </Dialog.Close>
              <button type="submit" className="primary" disabled={busy || !url.trim()}>
                Change link
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
