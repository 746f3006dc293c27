// The days and parts of the day that suit the family: on the request form and, while the request
// is not yet scheduled, on the status page.
import { periods, weekdays } from '../../domain/home-visit.ts';
import type { Translate } from '../translator.ts';
import { Choices } from './Choices.tsx';

interface Props {
  t: Translate;
  days: readonly string[];
  chosenPeriods: readonly string[];
  errors: Record<string, string>;
  onChange: (change: { days?: string[]; periods?: string[] }) => void;
}

export function PreferenceFields({ t, days, chosenPeriods, errors, onChange }: Props) {
  const prefix = t('homeVisit:errors.prefix');
  return (
    <>
      <Choices
        id="preferred_days"
        type="checkbox"
        legend={t('homeVisit:days.legend')}
        hint={t('homeVisit:days.hint')}
        options={weekdays.map((day) => ({ value: String(day), label: t(`homeVisit:day.${day}`) }))}
        chosen={days}
        error={errors.preferred_days}
        errorPrefix={prefix}
        onChange={(chosen) => onChange({ days: chosen })}
      />
      <Choices
        id="preferred_periods"
        type="checkbox"
        legend={t('homeVisit:periods.legend')}
        options={periods.map((period) => ({ value: period, label: t(`homeVisit:period.${period}`) }))}
        chosen={chosenPeriods}
        error={errors.preferred_periods}
        errorPrefix={prefix}
        onChange={(chosen) => onChange({ periods: chosen })}
      />
    </>
  );
}
