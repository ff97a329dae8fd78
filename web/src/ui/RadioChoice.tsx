// One choice among a few, as radio buttons under a legend (each option a line, the whole label clickable).

interface RadioChoiceProps<T extends string> {
  readonly legend: string;
  /** the radio group's name (unique on the page) */
  readonly name: string;
  readonly options: readonly T[];
  readonly value: T | null;
  readonly label: (option: T) => string;
  readonly onChange: (option: T) => void;
}

export function RadioChoice<T extends string>({ legend, name, options, value, label, onChange }: RadioChoiceProps<T>) {
  return (
    <fieldset className="choice">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option} className="choice__option">
          <input type="radio" name={name} checked={value === option} onChange={() => onChange(option)} />
          <span>{label(option)}</span>
        </label>
      ))}
    </fieldset>
  );
}
