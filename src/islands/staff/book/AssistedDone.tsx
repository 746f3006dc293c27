// Booked for the person: the ticket to print and hand over (the same as the citizen's own, without
// the private link, which is theirs), how they reach the booking, and the way to the next person.
import type { BookingView } from '../../../domain/booking-view.ts';
import type { Locale } from '../../../i18n/config.ts';
import { focusWhenShown } from '../../shared/focus-when-shown.ts';
import { Ticket } from '../../shared/Ticket.tsx';
import type { Translate } from '../../translator.ts';

export default function AssistedDone({ locale, t, booked, onNext }: { locale: Locale; t: Translate; booked: BookingView; onNext: () => void }) {
  return (
    <section aria-labelledby="done-heading">
      <h2 id="done-heading" tabIndex={-1} ref={focusWhenShown} className="done-heading">
        {t('staffBook:done.heading')}
      </h2>
      <p>{t('staffBook:done.lead', { phone: booked.phone_masked ?? '' })}</p>
      <Ticket locale={locale} t={t} view={booked} manageUrl={null} />
      <button type="button" className="button" onClick={onNext} data-print-hide>
        {t('staffBook:done.next')}
      </button>
    </section>
  );
}
