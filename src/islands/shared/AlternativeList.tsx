// The nearest shifts that can take the people (public.nearest_alternatives), each with an action:
// a link to book it, or a button to move a booking there. Every action repeats the same words, so
// it is given the shift it is about to say after them (hidden but read as part of its name).
import { useEffect, useState, type ReactNode } from 'react';
import type { Locale } from '../../i18n/config.ts';
import type { Database } from '../../lib/database.types.ts';
import { formatDayLong, formatNumber, formatTime } from '../../lib/format.ts';
import { rpc } from '../../lib/public-api.ts';
import type { Translate } from '../translator.ts';
import { Interpolated, vietnameseData } from './Interpolated.tsx';

export type Alternative = Database['public']['Functions']['nearest_alternatives']['Returns'][number];

interface Props {
  locale: Locale;
  t: Translate;
  shiftId: number;
  /** How many people the shift must take (a shift with fewer places left is not offered). */
  places?: number;
  lead: string;
  /** `which`: the hidden words that name the shift, to put inside the action after its visible text. */
  action: (alternative: Alternative, which: ReactNode) => ReactNode;
}

export function AlternativeList({ locale, t, shiftId, places = 1, lead, action }: Props) {
  const [alternatives, setAlternatives] = useState<Alternative[] | 'error'>();
  useEffect(() => {
    void rpc('nearest_alternatives', { p_shift_id: shiftId, p_limit: 6, p_places: places }).then((answer) => setAlternatives(answer.ok ? answer.data : 'error'));
  }, [shiftId, places]);
  if (alternatives === undefined) return null;
  if (alternatives === 'error') return <p>{t('errors:network')}</p>;
  if (!alternatives.length) return <p>{t('book:full.none')}</p>;
  // Site names and addresses are written in Vietnamese only.
  const site = (alternative: Alternative) => <span lang={vietnameseData(locale)}>{alternative.site_name}</span>;
  return (
    <>
      <p>{lead}</p>
      <ul className="alternative-list">
        {alternatives.map((alternative) => {
          const when = {
            date: formatDayLong(locale, alternative.session_date),
            start: formatTime(locale, alternative.starts_at),
            end: formatTime(locale, alternative.ends_at),
          };
          return (
            <li key={alternative.shift_id}>
              <p>
                <Interpolated t={t} name="book:alternative.item" values={{ ...when, site: site(alternative), distance: formatNumber(locale, alternative.distance_km) }} />
                <br />
                {t('book:shift.placesLeft', { count: alternative.places_left })}
              </p>
              {action(
                alternative,
                <span className="visually-hidden">
                  <Interpolated t={t} name="book:alternative.which" values={{ ...when, site: site(alternative) }} />
                </span>,
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
