// GOV.UK's radios and checkboxes: a fieldset with its legend, hint and inline error; the first
// input carries the group's id (where an error summary link lands), the others `<id>-<value>`.
// With an error every input is aria-invalid, and the fieldset is described by the error.
import type { ReactNode } from 'react';
import type { ErrorProps } from './Field.tsx';
import { Fieldset } from './Fieldset.tsx';

export interface Choice<V extends string> {
  value: V;
  label: ReactNode;
  disabled?: boolean;
}

type Props<V extends string> = ErrorProps & {
  id: string;
  legend: string;
  hint?: string | undefined;
  options: readonly Choice<V>[];
};

function ChoiceGroup<V extends string>({ type, options, isChosen, onToggle, ...group }: Props<V> & {
  type: 'radio' | 'checkbox';
  isChosen: (value: V) => boolean;
  onToggle: (value: V, on: boolean) => void;
}) {
  return (
    <Fieldset {...group}>
      {options.map((option, index) => {
        const inputId = index === 0 ? group.id : `${group.id}-${option.value}`;
        return (
          <div className={type} key={option.value}>
            <input
              type={type}
              id={inputId}
              name={group.id}
              value={option.value}
              disabled={option.disabled}
              checked={isChosen(option.value)}
              aria-invalid={group.error ? true : undefined}
              onChange={(event) => onToggle(option.value, event.currentTarget.checked)}
            />
            <label htmlFor={inputId}>{option.label}</label>
          </div>
        );
      })}
    </Fieldset>
  );
}

/** One choice of several; `chosen` is '' while none is. */
export function Radios<V extends string>({ chosen, onChange, ...group }: Props<V> & { chosen: string; onChange: (chosen: V) => void }) {
  return <ChoiceGroup {...group} type="radio" isChosen={(value) => value === chosen} onToggle={(value) => onChange(value)} />;
}

/** Any number of choices, kept in the options' order. */
export function Checkboxes<V extends string>({ chosen, onChange, ...group }: Props<V> & { chosen: readonly string[]; onChange: (chosen: V[]) => void }) {
  return (
    <ChoiceGroup
      {...group}
      type="checkbox"
      isChosen={(value) => chosen.includes(value)}
      onToggle={(toggled, on) => onChange(group.options.map((o) => o.value).filter((value) => (value === toggled ? on : chosen.includes(value))))}
    />
  );
}
