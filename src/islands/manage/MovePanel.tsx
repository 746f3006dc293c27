// Moving a booking: everyone to one of the nearest shifts with places.
import type { Locale } from '../../i18n/config.ts';
import { AlternativeList } from '../shared/AlternativeList.tsx';
import { Interpolated, vietnameseData } from '../shared/Interpolated.tsx';
import type { Translate } from '../translator.ts';

/** `places`: the people who move together; a shift with fewer places left is not offered. */
export function MovePanel({ locale, t, shiftId, places, organisation, busy, onChoose }: { locale: Locale; t: Translate; shiftId: number; places: number; organisation: string | null; busy: boolean; onChoose: (shiftId: number) => void }) {
  return (
    <section className="panel" aria-labelledby="move-heading">
      <h3 id="move-heading">{t('manage:move.heading')}</h3>
      {organisation && (
        <p className="notice">
          <Interpolated t={t} name="manage:move.organisation" values={{ organisation: <span lang={vietnameseData(locale)}>{organisation}</span> }} />
        </p>
      )}
      <AlternativeList
        locale={locale}
        t={t}
        shiftId={shiftId}
        places={places}
        lead={t('manage:move.lead')}
        action={(alternative, which) => (
          <button type="button" className="button button-secondary" disabled={busy} onClick={() => onChoose(alternative.shift_id)}>
            {t('manage:move.choose')}
            {which}
          </button>
        )}
      />
    </section>
  );
}
