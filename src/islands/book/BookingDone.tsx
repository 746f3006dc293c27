// Step 3 of booking: the ticket, what to bring and the way to manage the booking.
import type { BookingView } from '../../domain/booking-view.ts';
import type { Locale } from '../../i18n/config.ts';
import { focusWhenShown } from '../shared/focus-when-shown.ts';
import { manageLinkOf, managePath, manageUrl } from '../shared/manage-url.ts';
import { Ticket } from '../shared/Ticket.tsx';
import type { Translate } from '../translator.ts';

export default function BookingDone({ locale, t, booked }: { locale: Locale; t: Translate; booked: BookingView }) {
  return (
    <section aria-labelledby="done-heading">
      <h2 id="done-heading" tabIndex={-1} ref={focusWhenShown} className="done-heading">
        {t('book:done.heading')}
      </h2>
      <p>{t('book:done.lead')}</p>
      <Ticket locale={locale} t={t} view={booked} manageUrl={manageUrl(locale, manageLinkOf(booked))} />
      <h3>{t('book:bring.heading')}</h3>
      <ul>
        <li>{t('book:bring.code')}</li>
        <li>{t('book:bring.oldCard')}</li>
        <li>{t('book:bring.noCard')}</li>
        <li>{t('book:bring.ready')}</li>
      </ul>
      <p>
        <a className="button" href={managePath(locale, manageLinkOf(booked))}>
          {t('book:done.manage')}
        </a>
      </p>
      <p className="hint">{t('book:done.manageHint')}</p>
    </section>
  );
}
