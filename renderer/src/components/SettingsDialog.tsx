import * as Dialog from '@radix-ui/react-dialog';
import { useId, useState, type ReactNode } from 'react';
import type { Settings } from '../../../main/contract.ts';
import { toForm, toPatch, type SettingsForm, type SettingsPatch, type SpeedUnit } from '../lib/settings-form.ts';
import { useRestoreFocus } from '../hooks/use-restore-focus.ts';

export interface SettingsDialogProps {
  open: boolean;
  settings: Settings | null;
  /** Show the tray, notification, keep-awake and login switches (the desktop app). */
  desktopSettings?: boolean;
  /** The system's folder picker, where the host has one (null: canceled). */
  chooseFolder?: ((current: string | undefined) => Promise<string | null>) | undefined;
  onClose: () => void;
  /** Resolves to an error message to show in the dialog, or null when saved. */
  onSave: (patch: SettingsPatch) => Promise<string | null>;
}

export function SettingsDialog({ open, settings, desktopSettings = false, chooseFolder, onClose, onSave, children }: SettingsDialogProps & { children?: ReactNode }) {
  const restoreFocus = useRestoreFocus(open);
  return (
    <Dialog.Root open={open} onOpenChange={(next) => !next && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog" onCloseAutoFocus={restoreFocus} aria-describedby={undefined}>
          <Dialog.Title className="dialog-title">Settings</Dialog.Title>
          {/* Mounted on each opening, so the fields start from the current settings. */}
          {settings ? (
            <SettingsFields settings={settings} desktopSettings={desktopSettings} chooseFolder={chooseFolder} onClose={onClose} onSave={onSave} />
          ) : (
            <p className="muted">Loading settings…</p>
          )}
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

type Problem = { field: keyof SettingsForm | null; message: string };

type FieldsProps = Pick<SettingsDialogProps, 'desktopSettings' | 'chooseFolder' | 'onClose' | 'onSave'> & { settings: Settings };

function SettingsFields({ settings, desktopSettings, chooseFolder, onClose, onSave }: FieldsProps) {
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
      {field(
        'dir',
        'Download folder',
        <div className="with-button">
          <input type="text" {...inputProps('dir')} value={form.dir} onChange={(e) => set('dir', e.target.value)} spellCheck={false} />
          {chooseFolder && (
            <button type="button" onClick={() => void chooseFolder(form.dir || undefined).then((picked) => picked !== null && set('dir', picked))}>
              Choose…
            </button>
          )}
        </div>,
        'New downloads are saved here.',
      )}
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
      {desktopSettings && (
        <fieldset className="switches">
          <legend>Desktop</legend>
          <label className="checkbox">
            <input type="checkbox" checked={form.closeToTray} onChange={(e) => set('closeToTray', e.target.checked)} />
            Keep downloading in the tray when the window is closed
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={form.notifications} onChange={(e) => set('notifications', e.target.checked)} />
            Notify me when downloads finish or fail
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={form.keepAwake} onChange={(e) => set('keepAwake', e.target.checked)} />
            Keep the computer awake while downloading
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={form.startAtLogin} onChange={(e) => set('startAtLogin', e.target.checked)} />
            Start Tsuzuki in the tray when I log in
          </label>
        </fieldset>
      )}
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
