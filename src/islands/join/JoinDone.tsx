// After joining: the ticket and the way to manage it (changing shift is the organisation's call).
import type { BookingView } from '../../domain/booking-view.ts';
import type { Locale } from '../../i18n/config.ts';
import { focusWhenShown } from '../shared/focus-when-shown.ts';
import { manageLinkOf, managePath, manageUrl } from '../shared/manage-url.ts';
import { Ticket } from '../shared/Ticket.tsx';
import type { Translate } from '../translator.ts';

export default function JoinDone({ locale, t, joined }: { locale: Locale; t: Translate; joined: BookingView }) {
  const manageLink = manageLinkOf(joined);
  return (
    <section aria-labelledby="done-heading">
      <h2 id="done-heading" tabIndex={-1} ref={focusWhenShown} className="done-heading">
        {t('join:done.heading')}
      </h2>
      <p>{t('join:done.lead')}</p>
      <Ticket locale={locale} t={t} view={joined} manageUrl={manageUrl(locale, manageLink)} />
      <p>
        <a className="button" href={managePath(locale, manageLink)}>
          {t('join:done.manage')}
        </a>
      </p>
      <p>{t('join:done.changeShift')}</p>
    </section>
  );
}
