// A list published by situation (1.004222): the applicant's situation first, then only its papers
// (one of them at least). The single intake asks it for its procedure, the bundle intake for each
// member whose list has situations (checklist.ts situationsOf).
import { useId } from 'react';
import { useCounterT } from '../i18n';

interface Props {
  readonly situations: readonly string[];
  readonly situation: string | null;
  readonly onChoose: (situation: string) => void;
  readonly error: string | null;
  /** the legend when the page asks it more than once (a bundle's member); the single intake's by default */
  readonly legend?: string;
}

export function SituationChoice({ situations, situation, onChoose, error, legend }: Props) {
  const t = useCounterT();
  const id = useId();
  return (
    <fieldset className="field situation" aria-describedby={`${id}-hint`}>
      <legend className="field__label">{legend ?? t('situationLegend')}</legend>
      <p id={`${id}-hint`} className="field__hint">{t('situationHint')}</p>
      {situations.map((s, i) => (
        <label key={s} className="situation__option">
          <input type="radio" name={`${id}-situation`} value={s} checked={situation === s} onChange={() => onChoose(s)} aria-invalid={error && i === 0 ? true : undefined} />
          {' '}{s}
        </label>
      ))}
      {error && <p className="field__error" role="alert">{error}</p>}
    </fieldset>
  );
}
