// A labelled text input (also date, time, tel, email), as GOV.UK's text input: label, hint, error, box.
import type { InputHTMLAttributes } from 'react';
import { Field, type FieldProps } from './Field.tsx';

type Props = FieldProps &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'onChange' | 'value'> & {
    value: string;
    onValue: (value: string) => void;
  };

export function TextField({ value, onValue, ...props }: Props) {
  const { id: _id, label: _label, hint: _hint, error: _error, errorPrefix: _errorPrefix, ...input } = props;
  return (
    <Field {...props}>
      {(control) => <input {...input} {...control} value={value} onChange={(event) => onValue(event.currentTarget.value)} />}
    </Field>
  );
}
