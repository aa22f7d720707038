import * as Dialog from '@radix-ui/react-dialog';
import { useEffect, useState } from 'react';
import type { Settings } from '../../../main/contract.ts';

export function SettingsDialog({ open, settings, onClose, onSave }: { open: boolean; settings: Settings | null; onClose: () => void; onSave: (patch: Partial<Settings>) => void }) {
  const [draft, setDraft] = useState<Settings | null>(settings);
  useEffect(() => setDraft(settings), [settings, open]);
  const number = (key: 'maxConcurrent' | 'connections', value: string) => setDraft((d) => (d ? { ...d, [key]: Number(value) } : d));
  return (
    <Dialog.Root open={open} onOpenChange={(next) => !next && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog" aria-describedby={undefined}>
          <Dialog.Title className="dialog-title">Settings</Dialog.Title>
          {draft && (
            <form
              className="settings"
              onSubmit={(event) => {
                event.preventDefault();
                onSave({
                  dir: draft.dir,
                  maxConcurrent: draft.maxConcurrent,
                  connections: draft.connections,
                  speedLimit: draft.speedLimit,
                  autoResume: draft.autoResume,
                });
                onClose();
              }}
            >
              <label>
                Download folder
                <input type="text" value={draft.dir} onChange={(e) => setDraft({ ...draft, dir: e.target.value })} />
              </label>
              <label>
                Downloads at once
                <input type="number" min={1} max={64} value={draft.maxConcurrent} onChange={(e) => number('maxConcurrent', e.target.value)} />
              </label>
              <label>
                Connections per download
                <input type="number" min={1} max={32} value={draft.connections} onChange={(e) => number('connections', e.target.value)} />
              </label>
              <label>
                Speed limit (KB/s, 0 = none)
                <input
                  type="number"
                  min={0}
                  value={Math.round(draft.speedLimit / 1024)}
                  onChange={(e) => setDraft({ ...draft, speedLimit: Math.max(0, Math.round(Number(e.target.value) * 1024)) })}
                />
              </label>
              <label className="checkbox">
                <input type="checkbox" checked={draft.autoResume} onChange={(e) => setDraft({ ...draft, autoResume: e.target.checked })} />
                Resume interrupted downloads when Tsuzuki starts
              </label>
              <div className="dialog-actions">
                <Dialog.Close asChild>
                  <button type="button">Cancel</button>
                </Dialog.Close>
                <button type="submit" className="primary">
                  Save
                </button>
              </div>
            </form>
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
