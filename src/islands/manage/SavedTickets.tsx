// The tickets saved on this device, each opened with one press (also offline).
import { formatCode } from '../../domain/booking-code.ts';
import type { Locale } from '../../i18n/config.ts';
import { formatDayLong } from '../../lib/format.ts';
import type { SavedTicket } from '../shared/ticket-store.ts';
import type { Translate } from '../translator.ts';

export function SavedTickets({ locale, t, tickets, onOpen }: { locale: Locale; t: Translate; tickets: SavedTicket[]; onOpen: (ticket: SavedTicket) => void }) {
  return (
    <section aria-labelledby="saved-heading">
      <h2 id="saved-heading">{t('manage:saved.heading')}</h2>
      <ul className="saved-tickets">
        {tickets.map((ticket) => (
          <li key={ticket.code}>
            <button type="button" className="button button-secondary" onClick={() => onOpen(ticket)}>
              {t('manage:saved.show', { code: formatCode(ticket.code) })}
            </button>{' '}
            {ticket.view.bookings[0] && formatDayLong(locale, ticket.view.bookings[0].session.date)}
          </li>
        ))}
      </ul>
    </section>
  );
}
