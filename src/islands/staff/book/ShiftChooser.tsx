// The shift to book a person into: the bookable shifts of the officer's area, soonest first, each
// with its day, hours, site and places left (the phone's own picker).
import type { ShiftChoice } from '../../../domain/assisted-booking.ts';
import type { Locale } from '../../../i18n/config.ts';
import { formatDayLong, formatTime } from '../../../lib/format.ts';
import { vietnameseData } from '../../shared/Interpolated.tsx';
import { SelectField } from '../../shared/SelectField.tsx';
import type { Translate } from '../../translator.ts';

interface Props {
  locale: Locale;
  t: Translate;
  shifts: readonly ShiftChoice[];
  value: number | null;
  onValue: (shiftId: number | null) => void;
}

export function ShiftChooser({ locale, t, shifts, value, onValue }: Props) {
  if (shifts.length === 0) return <p className="notice">{t('staffBook:shift.none')}</p>;
  return (
    <SelectField
      id="book-shift"
      label={t('staffBook:shift.label')}
      hint={t('staffBook:shift.hint')}
      value={String(value ?? '')}
      onValue={(chosen) => onValue(chosen ? Number(chosen) : null)}
      options={[
        { value: '', label: t('staffBook:shift.choose') },
        ...shifts.map((shift) => ({
          value: String(shift.id),
          // An option holds text only: the site's name is most of it, so the whole option is marked.
          lang: vietnameseData(locale),
          label: t('staffBook:shift.option', {
            date: formatDayLong(locale, shift.date),
            start: formatTime(locale, shift.starts_at),
            end: formatTime(locale, shift.ends_at),
            site: shift.site,
            count: shift.placesLeft,
          }),
        })),
      ]}
    />
  );
}
