// The shift being booked: when, where, how to get in, the places left, and that it is not real when
// its campaign is a demonstration.
import { DemonstrationNote } from '../shared/DemonstrationNote.tsx';
import type { Translate } from '../translator.ts';

interface Props {
  t: Translate;
  when: string;
  site: { name: string; address: string; access_notes: string | null } | null;
  placesLeft: number;
  demonstration: boolean;
}

export function ShiftSummary({ t, when, site, placesLeft, demonstration }: Props) {
  return (
    <section className="shift-summary" aria-labelledby="shift-heading">
      <h2 id="shift-heading">{t('book:shift.heading')}</h2>
      {demonstration && <DemonstrationNote t={t} />}
      <p className="shift-when">{when}</p>
      <p>
        <strong>{site?.name}</strong>
        <br />
        {site?.address}
      </p>
      {site?.access_notes && <p className="hint">{site.access_notes}</p>}
      <p>{t('book:shift.placesLeft', { count: placesLeft })}</p>
    </section>
  );
}
