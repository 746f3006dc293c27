// The days and parts of the day that suit the family: on the request form and, while the request
// is not yet scheduled, on the status page.
import { periods, weekdays } from '../../domain/home-visit-basics.ts';
import type { Translate } from '../translator.ts';
import { Checkboxes } from '../shared/Choices.tsx';
import type { Form } from '../shared/use-form.ts';

interface Props {
  t: Translate;
  days: readonly string[];
  chosenPeriods: readonly string[];
  form: Form;
  onChange: (change: { days?: string[]; periods?: string[] }) => void;
}

export function PreferenceFields({ t, days, chosenPeriods, form, onChange }: Props) {
  return (
    <>
      <Checkboxes
        {...form.field('preferred_days')}
        legend={t('homeVisit:days.legend')}
        hint={t('homeVisit:days.hint')}
        options={weekdays.map((day) => ({ value: String(day), label: t(`homeVisit:day.${day}`) }))}
        chosen={days}
        onChange={(chosen) => onChange({ days: chosen })}
      />
      <Checkboxes
        {...form.field('preferred_periods')}
        legend={t('homeVisit:periods.legend')}
        options={periods.map((period) => ({ value: period, label: t(`homeVisit:period.${period}`) }))}
        chosen={chosenPeriods}
        onChange={(chosen) => onChange({ periods: chosen })}
      />
    </>
  );
}
