// Small input parts of the catalogue forms: a labelled checkbox, and numbers typed into text boxes.
import { useId } from 'react';

export function CheckField({ label, checked, onChange }: { readonly label: string; readonly checked: boolean; readonly onChange: (checked: boolean) => void }) {
  const id = useId();
  return (
    <div className="catalog-check">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

/** A number input whose empty value is NaN (the form then says what to enter), or null when `nullable`. */
export function numberOf(text: string, nullable: boolean): number | null {
  if (text.trim() === '') return nullable ? null : Number.NaN;
  return Number(text);
}

export const textOfNumber = (n: number | null | undefined): string => (n === null || n === undefined || Number.isNaN(n) ? '' : String(n));
