// Step 2 of booking: the answers to check, then the booking, with its retries and refusals; a
// shift that cannot take the people offers the nearest shifts that can instead. A refusal is
// announced and takes the focus (the button that sent the booking may be gone).
import type { BookingRequest } from '../../domain/booking.ts';
import { refusalMessage, refusalPlacesLeft, type Refusal } from '../../domain/errors.ts';
import type { Locale } from '../../i18n/config.ts';
import { formatDate } from '../../lib/format.ts';
import { focusWhenShown } from '../shared/focus-when-shown.ts';
import { vietnameseData } from '../shared/Interpolated.tsx';
import { SummaryList } from '../shared/SummaryList.tsx';
import type { Translate } from '../translator.ts';
import { Alternatives } from './Alternatives.tsx';

export type Problem = 'network' | Refusal;

interface Props {
  locale: Locale;
  t: Translate;
  request: BookingRequest;
  /** The schedules of the shift's campaign, offered when the shift is full. */
  schedulesHref: string;
  /** The booking page an alternative shift opens, when not the citizen's. */
  bookPath?: string;
  /** The try being sent, 0 when none. */
  attempt: number;
  problem: Problem | undefined;
  onChange: () => void;
  onConfirm: () => void;
}

/** What a refusal says: for a full shift, how many places it has left against the people booked. */
function refusalText(t: Translate, refusal: Refusal, request: BookingRequest): string {
  const left = refusalPlacesLeft(refusal);
  if (left !== undefined) return left === 0 ? t('book:full.heading') : t('book:full.fewer', { count: left, people: request.people.length });
  const { key, values } = refusalMessage(refusal, request.people.map((person) => person.full_name));
  return t(key, values);
}

// Refusals about the shift itself, not the answers: another shift is the way on.
const shiftRefusals: readonly string[] = ['shift_full', 'shift_past', 'shift_unavailable'];

export function CheckAnswers({ locale, t, request, schedulesHref, bookPath, attempt, problem, onChange, onConfirm }: Props) {
  const refusal = problem && problem !== 'network' ? problem : undefined;
  return (
    <section aria-labelledby="check-heading">
      <h2 id="check-heading" tabIndex={-1} ref={focusWhenShown}>{t('book:check.heading')}</h2>
      <SummaryList
        rows={[
          ...request.people.map((person, index) => ({
            key: t('book:person.legend', { number: index + 1 }),
            value: (
              <>
                <span lang={vietnameseData(locale)}>{person.full_name}</span>
                <br />
                {formatDate(locale, person.birth_date)}
                <br />
                {t(`book:kind.${person.application_kind}`)} · {person.id_number ?? t('book:check.idNone')}
              </>
            ),
          })),
          { key: t('book:contact.phone'), value: request.phone },
          {
            key: t('common:messages.heading'),
            value: !request.messages
              ? t('book:check.messagesNo')
              : request.messages.email
                ? t('book:check.messagesEmail', { email: request.messages.email })
                : t('book:check.messagesYes'),
          },
        ]}
      />
      <button type="button" className="button-link" onClick={onChange} aria-label={t('book:check.changeLabel', { what: t('book:form.heading') })}>
        {t('book:check.change')}
      </button>

      <div aria-live="polite">
        {attempt > 1 && <p>{t('book:check.retrying', { attempt })}</p>}
        {problem === 'network' && <p className="notice notice-error">{t('book:network.failed')}</p>}
        {refusal && (
          <p className="notice notice-error" tabIndex={-1} ref={focusWhenShown}>
            {refusalText(t, refusal, request)}
          </p>
        )}
      </div>
      {refusal && shiftRefusals.includes(refusal.code) ? (
        <Alternatives locale={locale} t={t} shiftId={request.shift_id} places={request.people.length} schedulesHref={schedulesHref} bookPath={bookPath} />
      ) : (
        <button type="button" className="button" disabled={attempt > 0} onClick={onConfirm}>
          {attempt > 0 ? t('book:check.sending') : problem === 'network' ? t('book:network.retry') : t('book:check.confirm')}
        </button>
      )}
    </section>
  );
}
