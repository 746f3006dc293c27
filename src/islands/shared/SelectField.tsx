// A labelled native select (the phone's own picker), as GOV.UK's select: label, hint, error, list.
import { Field, type FieldProps } from './Field.tsx';

export interface Option {
  value: string;
  label: string;
  /** The label's language where it is not the page's (a Vietnamese unit name on an English page). */
  lang?: string;
}

type Props = FieldProps & {
  value: string;
  options: readonly Option[];
  disabled?: boolean;
  onValue: (value: string) => void;
};

export function SelectField({ value, options, disabled, onValue, ...field }: Props) {
  return (
    <Field {...field}>
      {(control) => (
        <select {...control} value={value} disabled={disabled} onChange={(event) => onValue(event.currentTarget.value)}>
          {options.map((option) => (
            <option key={option.value} value={option.value} lang={option.lang}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
