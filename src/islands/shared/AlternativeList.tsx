// The nearest shifts with places left (public.nearest_alternatives), each with an action: a link
// to book it, or a button to move a booking there.
import { useEffect, useState, type ReactNode } from 'react';
import type { Locale } from '../../i18n/config.ts';
import type { Database } from '../../lib/database.types.ts';
import { formatDayLong, formatNumber, formatTime } from '../../lib/format.ts';
import { rpc } from '../../lib/public-api.ts';
import type { Translate } from '../translator.ts';

export type Alternative = Database['public']['Functions']['nearest_alternatives']['Returns'][number];

interface Props {
  locale: Locale;
  t: Translate;
  shiftId: number;
  lead: string;
  action: (alternative: Alternative) => ReactNode;
}

export function AlternativeList({ locale, t, shiftId, lead, action }: Props) {
  const [alternatives, setAlternatives] = useState<Alternative[] | 'error'>();
  useEffect(() => {
    void rpc('nearest_alternatives', { p_shift_id: shiftId, p_limit: 6 }).then((answer) => setAlternatives(answer.ok ? answer.data : 'error'));
  }, [shiftId]);
  if (alternatives === undefined) return null;
  if (alternatives === 'error') return <p>{t('errors:network')}</p>;
  if (!alternatives.length) return <p>{t('book:full.none')}</p>;
  return (
    <>
      <p>{lead}</p>
      <ul className="alternative-list">
        {alternatives.map((alternative) => (
          <li key={alternative.shift_id}>
            <p>
              {t('book:alternative.item', {
                date: formatDayLong(locale, alternative.session_date),
                start: formatTime(locale, alternative.starts_at),
                end: formatTime(locale, alternative.ends_at),
                site: alternative.site_name,
                distance: formatNumber(locale, alternative.distance_km),
              })}
              <br />
              {t('book:shift.placesLeft', { count: alternative.places_left })}
            </p>
            {action(alternative)}
          </li>
        ))}
      </ul>
    </>
  );
}
