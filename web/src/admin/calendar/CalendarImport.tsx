// Import of schedules from JSON (a file or pasted text), for one or more years at once.
import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { Button } from '../../ui/Button';
import { importSchedules, type ScheduleVersion } from './api';
import type { CalendarT } from './i18n';

/** The import format (JSON, so its dates are ISO), shown as it is typed. */
const importExample = '[{"year": 2026, "source": "…", "daysOff": [{"date": "2026-01-01", "reason": "Tết Dương lịch"}], "makeUpDays": []}]';

interface ImportPanelProps {
  readonly t: CalendarT;
  readonly headingId: string;
  onDone(items: readonly ScheduleVersion[]): void;
  onError(error: unknown): void;
  onInvalid(text: string): void;
}

export function ImportPanel({ t, headingId, onDone, onError, onInvalid }: ImportPanelProps) {
  const ids = useId();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) setText(await file.text());
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      onInvalid(t('importInvalidJson'));
      return;
    }
    setBusy(true);
    try {
      onDone(await importSchedules(parsed));
      setText('');
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="cal-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('importTitle')}</h2>
      <p id={`${ids}-intro`}>{t('importIntro')}</p>
      <pre className="cal-example"><code>{importExample}</code></pre>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor={`${ids}-file`} className="field__label">{t('importFile')}</label>
          <input id={`${ids}-file`} type="file" accept="application/json,.json" onChange={(e) => void onFile(e)} />
        </div>
        <div className="field">
          <label htmlFor={`${ids}-text`} className="field__label">{t('importText')}</label>
          <textarea id={`${ids}-text`} className="cal-textarea" value={text} aria-describedby={`${ids}-intro`} onChange={(e) => setText(e.target.value)} spellCheck={false} />
        </div>
        <div className="form__actions">
          <Button kind="primary" type="submit" disabled={busy || text.trim() === ''}>{busy ? t('importing') : t('importSubmit')}</Button>
        </div>
      </form>
    </section>
  );
}
