// A booking as a ticket: for each visit (shift) the place and time, and for each person the
// booking code, queue number, status and the QR code officers scan at check-in; and that it is not
// real when its campaign is a demonstration. Printed (ticket-print.css), each person still booked
// gets an A6 sheet of their own with the place and time, to hand in at check-in: the citizen's
// booking pages and the officer's assisted booking print the same ticket.
import { useRef, type ReactNode } from 'react';
import { formatCode } from '../../domain/booking-code.ts';
import { visitsOf, type BookedPerson, type BookingView } from '../../domain/booking-view.ts';
import type { Locale } from '../../i18n/config.ts';
import { formatDayLong, formatTime } from '../../lib/format.ts';
import { CalendarButton } from './CalendarButton.tsx';
import { DemonstrationNote } from './DemonstrationNote.tsx';
import { Interpolated, vietnameseData } from './Interpolated.tsx';
import { bookingPageUrl, ticketQrUrl } from './manage-url.ts';
import { Qr } from './Qr.tsx';
import './ticket-print.css';
import type { Translate } from '../translator.ts';

interface Props {
  locale: Locale;
  t: Translate;
  view: BookingView;
  /** The private link when the page holds it (just booked, or opened by it): the calendar file is offered only then. */
  manageUrl: string | null;
  /** Extra controls under each visit (cancel, move on the booking page). */
  actions?: (visit: BookedPerson[]) => ReactNode;
}

export function shiftTime(locale: Locale, t: Translate, booking: BookedPerson): string {
  return t('book:shift.when', {
    date: formatDayLong(locale, booking.session.date),
    start: formatTime(locale, booking.shift.starts_at),
    end: formatTime(locale, booking.shift.ends_at),
  });
}

/** Prints one visit's ticket: the others on the page stay off the paper (ticket-print.css). */
function PrintButton({ t }: { t: Translate }) {
  const button = useRef<HTMLButtonElement>(null);
  function print() {
    const ticket = button.current?.closest('.ticket');
    ticket?.setAttribute('data-printing', '');
    window.addEventListener('afterprint', () => ticket?.removeAttribute('data-printing'), { once: true });
    window.print();
  }
  return (
    <button type="button" ref={button} className="button button-secondary" onClick={print}>
      {t('book:ticket.print')}
    </button>
  );
}

export function Ticket({ locale, t, view, manageUrl, actions }: Props) {
  // Names, places and officers' reasons are written in Vietnamese only.
  const dataLang = vietnameseData(locale);
  return (
    <>
      {visitsOf(view).map((visit) => {
        const first = visit[0]!;
        const when = shiftTime(locale, t, first);
        const confirmed = visit.some((person) => person.status === 'confirmed');
        return (
          <section className="ticket" key={first.shift.id} aria-label={t('book:ticket.heading')}>
            {first.session.demonstration && <DemonstrationNote t={t} />}
            {first.session.cancelled_at && (
              <p className="notice notice-warning" role="status">
                <Interpolated t={t} name="book:ticket.cancelledSession" values={{ reason: <span lang={dataLang}>{first.session.cancel_reason ?? ''}</span> }} />
              </p>
            )}
            <dl className="ticket-facts">
              <div>
                <dt>{t('book:ticket.when')}</dt>
                <dd>{when}</dd>
              </div>
              <div>
                <dt>{t('book:ticket.where')}</dt>
                <dd lang={dataLang}>
                  {first.site.name}
                  <br />
                  {first.site.address}
                  {first.site.access_notes && <span className="hint">{first.site.access_notes}</span>}
                </dd>
              </div>
            </dl>
            <ul className="ticket-people">
              {visit.map((person) => (
                <li key={person.code} className={`ticket-person status-${person.status}`}>
                  {/* The visit's facts again, on paper only: each person's sheet stands alone. */}
                  <div className="ticket-print-facts">
                    <p className="ticket-print-title">{t('book:ticket.heading')}</p>
                    {first.session.demonstration && <DemonstrationNote t={t} />}
                    <p>{when}</p>
                    <p lang={dataLang}>
                      {first.site.name}, {first.site.address}
                    </p>
                  </div>
                  <p className="ticket-name" lang={dataLang}>
                    {person.full_name}
                  </p>
                  <dl>
                    <div>
                      <dt>{t('book:ticket.code')}</dt>
                      <dd className="ticket-code">{formatCode(person.code)}</dd>
                    </div>
                    <div>
                      <dt>{t('book:ticket.queue')}</dt>
                      <dd className="ticket-queue">{person.queue_no}</dd>
                    </div>
                    <div>
                      <dt>{t('book:ticket.status')}</dt>
                      <dd>{t(`book:status.${person.status}`)}</dd>
                    </div>
                  </dl>
                  {person.status === 'confirmed' && (
                    <>
                      <Qr value={ticketQrUrl(locale, person.code)} label={t('book:ticket.qr', { code: formatCode(person.code) })} />
                      <p className="hint">{t('book:ticket.qrHint')}</p>
                    </>
                  )}
                </li>
              ))}
            </ul>
            {confirmed && !first.session.cancelled_at && <PrintButton t={t} />}
            {manageUrl && confirmed && (
              <CalendarButton
                label={t('book:done.calendar')}
                visit={visit}
                texts={{
                  title: t('book:calendar.title', { site: first.site.name }),
                  person: (code, queue) => t('book:calendar.person', { code, queue }),
                  lines: [t('book:calendar.line')],
                  bookingUrl: bookingPageUrl(locale),
                }}
              />
            )}
            {actions?.(visit)}
          </section>
        );
      })}
    </>
  );
}
