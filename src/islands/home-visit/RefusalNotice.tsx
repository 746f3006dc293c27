// A refusal of a home-visit request that is not about one field, in words for the family.
import { formatCode } from '../../domain/booking-code.ts';
import { refusalMessage, type Refusal } from '../../domain/errors.ts';
import { existingRequestCode, rejectedFieldMessage } from '../../domain/home-visit-basics.ts';
import type { Locale } from '../../i18n/config.ts';
import type { Translate } from '../translator.ts';
import { savedLink, statusUrl } from './links.ts';

/**
 * A refusal not about one field. The existing request for the same person names its code only to
 * the phone that sent it; anyone else gets the general text.
 */
export function RefusalNotice({ t, locale, refusal }: { t: Translate; locale: Locale; refusal: Refusal }) {
  const code = refusal.code === 'home_visit_exists' ? existingRequestCode(refusal.details) : undefined;
  if (code) {
    const link = savedLink(code);
    return (
      <div className="notice notice-error">
        <p>{t('homeVisit:exists.withCode', { code: formatCode(code) })}</p>
        {link && (
          <p>
            <a href={statusUrl(locale, link)}>{t('homeVisit:exists.open')}</a>
          </p>
        )}
      </div>
    );
  }
  const rejected = rejectedFieldMessage(refusal, 'request');
  const { key, values } = refusalMessage(refusal);
  return <p className="notice notice-error">{rejected ? t(rejected) : t(key, values)}</p>;
}
