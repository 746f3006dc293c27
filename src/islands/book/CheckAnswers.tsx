// Step 2 of booking: the answers to check, then the booking, with its retries and refusals; a
// full shift offers the nearest shifts with places instead.
import type { BookingRequest } from '../../domain/booking.ts';
import { refusalMessage, type Refusal } from '../../domain/errors.ts';
import type { Locale } from '../../i18n/config.ts';
import { formatDate } from '../../lib/format.ts';
import { focusWhenShown } from '../shared/focus-when-shown.ts';
import { SummaryList } from '../shared/SummaryList.tsx';
import type { Translate } from '../translator.ts';
import { Alternatives } from './Alternatives.tsx';

export type Problem = 'network' | 'full' | Refusal;

interface Props {
  locale: Locale;
  t: Translate;
  request: BookingRequest;
  /** The schedules of the shift's campaign, offered when the shift is full. */
  schedulesHref: string;
  /** The try being sent, 0 when none. */
  attempt: number;
  problem: Problem | undefined;
  onChange: () => void;
  onConfirm: () => void;
}

export function CheckAnswers({ locale, t, request, schedulesHref, attempt, problem, onChange, onConfirm }: Props) {
  const refusal = problem && problem !== 'network' && problem !== 'full' ? refusalMessage(problem, request.people.map((person) => person.full_name)) : undefined;
  return (
    <section aria-labelledby="check-heading">
      <h2 id="check-heading" tabIndex={-1} ref={focusWhenShown}>{t('book:check.heading')}</h2>
      <SummaryList
        rows={[
          ...request.people.map((person, index) => ({
            key: t('book:person.legend', { number: index + 1 }),
            value: (
              <>
                {person.full_name}
                <br />
                {formatDate(locale, person.birth_date)}
                <br />
                {t(`book:kind.${person.application_kind}`)} · {person.id_number ?? t('book:check.idNone')}
              </>
            ),
          })),
          { key: t('book:contact.phone'), value: request.phone },
        ]}
      />
      <button type="button" className="button-link" onClick={onChange} aria-label={t('book:check.changeLabel', { what: t('book:form.heading') })}>
        {t('book:check.change')}
      </button>

      <div aria-live="polite">
        {attempt > 1 && <p>{t('book:check.retrying', { attempt })}</p>}
        {problem === 'network' && <p className="notice notice-error">{t('book:network.failed')}</p>}
        {refusal && <p className="notice notice-error">{t(refusal.key, refusal.values)}</p>}
      </div>
      {problem === 'full' ? (
        <Alternatives locale={locale} t={t} shiftId={request.shift_id} schedulesHref={schedulesHref} />
      ) : (
        <button type="button" className="button" disabled={attempt > 0} onClick={onConfirm}>
          {attempt > 0 ? t('book:check.sending') : problem === 'network' ? t('book:network.retry') : t('book:check.confirm')}
        </button>
      )}
    </section>
  );
}
