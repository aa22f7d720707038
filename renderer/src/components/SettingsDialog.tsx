import * as Dialog from '@radix-ui/react-dialog';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CATALOGUES, LOCALES } from '../../../i18n/index.ts';
import type { Settings } from '../../../main/contract.ts';
import { toForm, toPatch, type FieldProblem, type SettingsForm, type SettingsPatch } from '../lib/settings-form.ts';
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
  /** The language choice applies and is saved as soon as it is made, not with the form. */
  onLanguage: (choice: string) => void;
}

export function SettingsDialog({ open, settings, desktopSettings = false, chooseFolder, onClose, onSave, onLanguage, children }: SettingsDialogProps & { children?: ReactNode }) {
  const { t } = useTranslation();
  const restoreFocus = useRestoreFocus(open);
  return (
    <Dialog.Root open={open} onOpenChange={(next) => !next && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog" onCloseAutoFocus={restoreFocus} aria-describedby={undefined}>
          <Dialog.Title className="dialog-title">{t('ui.settings.title')}</Dialog.Title>
          <LanguageField choice={settings?.language ?? 'system'} onChange={onLanguage} />
          {/* Mounted on each opening, so the fields start from the current settings. */}
          {settings ? (
            <SettingsFields settings={settings} desktopSettings={desktopSettings} chooseFolder={chooseFolder} onClose={onClose} onSave={onSave} />
          ) : (
            <p className="muted">{t('ui.settings.loading')}</p>
          )}
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/** System, then each language by its own name (English, 日本語), whatever the window speaks. */
function LanguageField({ choice, onChange }: { choice: string; onChange: (choice: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field language">
      <label htmlFor={id}>{t('ui.settings.language')}</label>
      <select id={id} value={LOCALES.includes(choice) ? choice : 'system'} onChange={(event) => onChange(event.target.value)} aria-describedby={`${id}-hint`}>
        <option value="system">{t('ui.settings.languageSystem')}</option>
        {LOCALES.map((locale) => {
          const language = CATALOGUES[locale]!['language'];
          const name = typeof language === 'object' && typeof language['name'] === 'string' ? language['name'] : locale;
          return (
            <option key={locale} value={locale} lang={locale}>
              {name}
            </option>
          );
        })}
      </select>
      <span id={`${id}-hint`} className="hint">
        {t('ui.settings.languageHint')}
      </span>
    </div>
  );
}

type Problem = { field: keyof SettingsForm | null; message: string | FieldProblem };

type FieldsProps = Pick<SettingsDialogProps, 'desktopSettings' | 'chooseFolder' | 'onClose' | 'onSave'> & { settings: Settings };

function SettingsFields({ settings, desktopSettings, chooseFolder, onClose, onSave }: FieldsProps) {
  const { t } = useTranslation();
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
          {words(problem.message)}
        </span>
      )}
    </div>
  );

  // A number in a unit chosen beside it (a speed limit, the space kept free).
  const amount = <K extends 'speedLimit' | 'diskReserve', U extends 'speedUnit' | 'diskReserveUnit'>(key: K, unitKey: U, units: readonly SettingsForm[U][], unitLabel: string) => (
    <div className="with-unit">
      <input type="number" {...inputProps(key)} min={0} step="any" value={form[key]} onChange={(e) => set(key, e.target.value as SettingsForm[K])} />
      <select aria-label={unitLabel} value={form[unitKey]} onChange={(e) => set(unitKey, e.target.value as SettingsForm[U])}>
        {units.map((unit) => (
          <option key={unit} value={unit}>
            {unit}
          </option>
        ))}
      </select>
    </div>
  );

  const words = (message: Problem['message']) => (typeof message === 'string' ? message : t(`ui.settings.errors.${message.key}`, message.params ?? {}));

  return (
    <form
      className="settings"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (busy) return;
        // Number boxes whose text the browser cannot read (it gives the page '' for them).
        const prefix = `${ids}-`;
        const unreadable = new Set(
          [...event.currentTarget.elements]
            .filter((element) => element instanceof HTMLInputElement && element.validity.badInput && element.id.startsWith(prefix))
            .map((element) => (element as HTMLInputElement).id.slice(prefix.length) as keyof SettingsForm),
        );
        const result = toPatch(form, settings, unreadable);
        if (!result.ok) {
          setProblem({ field: result.field, message: result.problem });
          // The person (and a screen reader) lands on what to correct.
          document.getElementById(`${prefix}${result.field}`)?.focus();
          return;
        }
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
        t('ui.settings.dir'),
        <div className="with-button">
          <input type="text" {...inputProps('dir')} value={form.dir} onChange={(e) => set('dir', e.target.value)} spellCheck={false} />
          {chooseFolder && (
            <button type="button" onClick={() => void chooseFolder(form.dir || undefined).then((picked) => picked !== null && set('dir', picked))}>
              {t('ui.settings.choose')}
            </button>
          )}
        </div>,
        t('ui.settings.dirHint'),
      )}
      <div className="field-row">
        {field('maxConcurrent', t('ui.settings.maxConcurrent'), <input type="number" {...inputProps('maxConcurrent')} min={1} max={64} value={form.maxConcurrent} onChange={(e) => set('maxConcurrent', e.target.value)} />)}
        {field('connections', t('ui.settings.connections'), <input type="number" {...inputProps('connections')} min={1} max={32} value={form.connections} onChange={(e) => set('connections', e.target.value)} />)}
        {field('perHostConnections', t('ui.settings.perHostConnections'), <input type="number" {...inputProps('perHostConnections')} min={1} max={256} value={form.perHostConnections} onChange={(e) => set('perHostConnections', e.target.value)} />)}
      </div>
      {field('speedLimit', t('ui.settings.speedLimit'), amount('speedLimit', 'speedUnit', ['kB/s', 'MB/s'], t('ui.settings.speedUnit')), t('ui.settings.speedHint'))}
      {field('diskReserve', t('ui.settings.diskReserve'), amount('diskReserve', 'diskReserveUnit', ['MB', 'GB'], t('ui.settings.diskReserveUnit')), t('ui.settings.diskReserveHint'))}
      <label className="checkbox">
        <input type="checkbox" checked={form.autoResume} onChange={(e) => set('autoResume', e.target.checked)} />
        {t('ui.settings.autoResume')}
      </label>
      <div className="checkbox-with-hint">
        <label className="checkbox">
          <input type="checkbox" checked={form.allowInsecureRedirects} onChange={(e) => set('allowInsecureRedirects', e.target.checked)} aria-describedby={`${ids}-insecure-hint`} />
          {t('ui.settings.allowInsecureRedirects')}
        </label>
        <span id={`${ids}-insecure-hint`} className="hint">
          {t('ui.settings.allowInsecureRedirectsHint')}
        </span>
      </div>
      {desktopSettings && (
        <fieldset className="switches">
          <legend>{t('ui.settings.desktop')}</legend>
          <label className="checkbox">
            <input type="checkbox" checked={form.closeToTray} onChange={(e) => set('closeToTray', e.target.checked)} />
            {t('ui.settings.closeToTray')}
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={form.notifications} onChange={(e) => set('notifications', e.target.checked)} />
            {t('ui.settings.notifications')}
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={form.keepAwake} onChange={(e) => set('keepAwake', e.target.checked)} />
            {t('ui.settings.keepAwake')}
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={form.startAtLogin} onChange={(e) => set('startAtLogin', e.target.checked)} />
            {t('ui.settings.startAtLogin')}
          </label>
        </fieldset>
      )}
      {problem && problem.field === null && (
        <p className="field-error" role="alert">
          {words(problem.message)}
        </p>
      )}
      <div className="dialog-actions">
        <Dialog.Close asChild>
          <button type="button">{t('ui.dialog.cancel')}</button>
        </Dialog.Close>
        <button type="submit" className="primary" disabled={busy}>
          {t('ui.settings.save')}
        </button>
      </div>
    </form>
  );
}
