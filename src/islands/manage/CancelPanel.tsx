// Cancelling a booking: everyone, or one person of several, after a confirmation.
import { useState } from 'react';
import { formatCode } from '../../domain/booking-code.ts';
import type { BookedPerson } from '../../domain/booking-view.ts';
import { Radios } from '../shared/Choices.tsx';
import type { Translate } from '../translator.ts';

export function CancelPanel({ t, people, busy, onConfirm, onKeep }: { t: Translate; people: BookedPerson[]; busy: boolean; onConfirm: (codes: string[] | null) => void; onKeep: () => void }) {
  const [choice, setChoice] = useState('all');
  const everyone = { value: 'all', label: t('manage:cancel.all') };
  // A name is Vietnamese on either page (marked for /en; redundant, and harmless, on /vi).
  const each =
    people.length > 1
      ? people.map((person) => ({
          value: person.code,
          label: (
            <>
              <span lang="vi">{person.full_name ?? ''}</span> ({formatCode(person.code)})
            </>
          ),
        }))
      : [];
  return (
    <section className="panel" aria-labelledby="cancel-heading">
      <h3 id="cancel-heading">{t('manage:cancel.heading')}</h3>
      <Radios id="cancel-who" legend={t('manage:cancel.lead')} options={[everyone, ...each]} chosen={choice} onChange={setChoice} />
      <button type="button" className="button" disabled={busy} onClick={() => onConfirm(choice === 'all' ? null : [choice])}>
        {t('manage:cancel.confirm')}
      </button>{' '}
      <button type="button" className="button button-secondary" onClick={onKeep}>
        {t('manage:cancel.keep')}
      </button>
    </section>
  );
}
