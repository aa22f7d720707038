import * as Dialog from '@radix-ui/react-dialog';
import { useId, useState, type ReactNode } from 'react';
import type { Settings } from '../../../main/contract.ts';
import { toForm, toPatch, type SettingsForm, type SettingsPatch, type SpeedUnit } from '../lib/settings-form.ts';
import { useRestoreFocus } from '../hooks/use-restore-focus.ts';

export interface SettingsDialogProps {
  open: boolean;
  settings: Settings | null;
  onClose: () => void;
  /** Resolves to an error message to show in the dialog, or null when saved. */
  onSave: (patch: SettingsPatch) => Promise<string | null>;
}

export function SettingsDialog({ open, settings, onClose, onSave }: SettingsDialogProps) {
  const restoreFocus = useRestoreFocus(open);
  return (
    <Dialog.Root open={open} onOpenChange={(next) => !next && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog" onCloseAutoFocus={restoreFocus} aria-describedby={undefined}>
          <Dialog.Title className="dialog-title">Settings</Dialog.Title>
          {/* Mounted on each opening, so the fields start from the current settings. */}
          {settings ? <SettingsFields settings={settings} onClose={onClose} onSave={onSave} /> : <p className="muted">Loading settings…</p>}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

type Problem = { field: keyof SettingsForm | null; message: string };

function SettingsFields({ settings, onClose, onSave }: { settings: Settings; onClose: () => void; onSave: SettingsDialogProps['onSave'] }) {
  const [form, setForm] = useState<SettingsForm>(() => toForm(settings));
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = useId();

  const set = <K extends keyof SettingsForm>(key: K, value: SettingsForm[K]) => {
    setForm((current) => ({ ...current, [key]: value }));
    if (problem?.field === key) setProblem(null);
  };
  const inputProps = (key: keyof SettingsForm) => ({
    id: `${ids}-${key}`,
    'aria-invalid': problem?.field === key,
    'aria-describedby': problem?.field === key ? `${ids}-${key}-error` : undefined,
  });
  const field = (key: keyof SettingsForm, label: string, input: ReactNode, hint?: string) => (
    <div className="field">
      <label htmlFor={`${ids}-${key}`}>{label}</label>
      {input}
      {hint && <span className="hint">{hint}</span>}
      {problem?.field === key && (
        <span id={`${ids}-${key}-error`} className="field-error" role="alert">
          {problem.message}
        </span>
      )}
    </div>
  );

  return (
    <form
      className="settings"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (busy) return;
        const result = toPatch(form, settings);
        if (!result.ok) return setProblem({ field: result.field, message: result.message });
        if (Object.keys(result.patch).length === 0) return onClose();
        setBusy(true);
        void onSave(result.patch).then((message) => {
          setBusy(false);
          if (message === null) onClose();
          else setProblem({ field: null, message });
        });
      }}
    >
      {field('dir', 'Download folder', <input type="text" {...inputProps('dir')} value={form.dir} onChange={(e) => set('dir', e.target.value)} spellCheck={false} />, 'New downloads are saved here.')}
      <div className="field-row">
        {field('maxConcurrent', 'Downloads at once', <input type="number" {...inputProps('maxConcurrent')} min={1} max={64} value={form.maxConcurrent} onChange={(e) => set('maxConcurrent', e.target.value)} />)}
        {field('connections', 'Connections per download', <input type="number" {...inputProps('connections')} min={1} max={32} value={form.connections} onChange={(e) => set('connections', e.target.value)} />)}
      </div>
      {field(
        'speedLimit',
        'Speed limit',
        <div className="with-unit">
          <input type="number" {...inputProps('speedLimit')} min={0} step="any" value={form.speedLimit} onChange={(e) => set('speedLimit', e.target.value)} />
          <select aria-label="Speed limit unit" value={form.speedUnit} onChange={(e) => set('speedUnit', e.target.value as SpeedUnit)}>
            <option value="KB/s">KB/s</option>
            <option value="MB/s">MB/s</option>
          </select>
        </div>,
        '0 means no limit. Shared by all downloads.',
      )}
      <label className="checkbox">
        <input type="checkbox" checked={form.autoResume} onChange={(e) => set('autoResume', e.target.checked)} />
        Resume interrupted downloads when Tsuzuki starts
      </label>
      {problem && problem.field === null && (
        <p className="field-error" role="alert">
          {problem.message}
        </p>
      )}
      <div className="dialog-actions">
        <Dialog.Close asChild>
          <button type="button">Cancel</button>
        </Dialog.Close>
        <button type="submit" className="primary" disabled={busy}>
          Save
        </button>
      </div>
    </form>
  );
}
