// The receipt of a home-visit request: the code to read over the phone and the private status
// link, with ways to keep it.
import { useState } from 'react';
import { formatCode } from '../../domain/booking-code.ts';
import type { HomeVisitView } from '../../domain/home-visit.ts';
import type { Locale } from '../../i18n/config.ts';
import { Field } from '../shared/Field.tsx';
import { focusWhenShown } from '../shared/focus-when-shown.ts';
import { SummaryList } from '../shared/SummaryList.tsx';
import type { Translate } from '../translator.ts';
import { statusUrl } from './links.ts';

export function Receipt({ t, locale, view }: { t: Translate; locale: Locale; view: HomeVisitView }) {
  const url = new URL(statusUrl(locale, { code: view.code, token: view.token ?? '' }), location.origin).href;
  const [copied, setCopied] = useState<'yes' | 'failed'>();
  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  }
  const canShare = typeof navigator.share === 'function';
  return (
    <section aria-labelledby="receipt-heading" className="home-visit-receipt">
      <h2 id="receipt-heading" tabIndex={-1} ref={focusWhenShown} className="done-heading">
        {t('homeVisit:receipt.heading')}
      </h2>
      <p>{t('homeVisit:receipt.lead', { phone: view.phone_masked ?? '' })}</p>
      <SummaryList
        rows={[
          { key: t('homeVisit:receipt.code'), value: formatCode(view.code), valueClass: 'ticket-code' },
          // The name is Vietnamese on either page (marked for /en; redundant, and harmless, on /vi).
          { key: t('homeVisit:details.person'), value: <span lang="vi">{view.full_name}</span> },
        ]}
      />
      <Field id="status-link" label={t('homeVisit:receipt.link')} hint={t('homeVisit:receipt.linkHint')}>
        {(control) => <input {...control} readOnly value={url} onFocus={(event) => event.currentTarget.select()} />}
      </Field>
      <div className="button-row">
        <button type="button" className="button button-secondary" onClick={() => void copy()}>
          {t('homeVisit:receipt.copy')}
        </button>
        {canShare && (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => void navigator.share({ title: t('homeVisit:receipt.shareTitle', { code: formatCode(view.code) }), url }).catch(() => undefined)}
          >
            {t('homeVisit:receipt.share')}
          </button>
        )}
      </div>
      <p aria-live="polite">{copied === 'yes' ? t('homeVisit:receipt.copied') : copied === 'failed' ? t('homeVisit:receipt.copyFailed') : ''}</p>
      <p>
        <a className="button" href={statusUrl(locale, { code: view.code, token: view.token ?? '' })}>
          {t('homeVisit:receipt.open')}
        </a>
      </p>
    </section>
  );
}
