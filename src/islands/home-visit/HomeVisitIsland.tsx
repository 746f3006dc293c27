// Asking for a home visit: the person, why they cannot travel, where (the schedules page's unit
// pickers and, when at the house, the phone's location), needs, the days that suit, the requester
// and consent; checked with the shared schema, sent with an idempotency key kept for the tab (a
// lost answer is retried and records one request), then the receipt with the private status link.
import { useEffect, useState } from 'react';
import { formatCode } from '../../domain/booking-code.ts';
import { dateFromParts } from '../../domain/dates.ts';
import { refusalMessage, type Refusal } from '../../domain/errors.ts';
import {
  existingRequestCode,
  homeVisitRequestSchema,
  homeVisitViewSchema,
  needs,
  reasons,
  rejectedFieldMessage,
  relationships,
  toRequestPayload,
  type HomeVisitView,
} from '../../domain/home-visit.ts';
import type { Locale } from '../../i18n/config.ts';
import { type AreaCodes, UnitPickers } from '../schedules/UnitPickers.tsx';
import { DateParts, type DatePart } from '../shared/DateParts.tsx';
import { Checkbox } from '../shared/Checkbox.tsx';
import { ErrorSummary, InlineError, describedBy, type FieldError } from '../shared/ErrorSummary.tsx';
import { fieldErrorsOf } from '../shared/form-errors.ts';
import { sendOnce } from '../shared/send-once.ts';
import { readSession } from '../shared/tab-storage.ts';
import { TextField } from '../shared/TextField.tsx';
import { createTranslator, type Messages, type Translate } from '../translator.ts';
import { Choices } from './Choices.tsx';
import { PreferenceFields } from './PreferenceFields.tsx';
import { savedLink, saveLink, statusUrl } from './links.ts';

interface Draft extends AreaCodes, Record<DatePart, string> {
  full_name: string;
  old_id_number: string;
  reason: string;
  reason_other: string;
  street_address: string;
  landmark: string;
  lat: number | null;
  lng: number | null;
  needs: string[];
  ethnic_language: string;
  preferred_days: string[];
  preferred_periods: string[];
  requester_name: string;
  requester_phone: string;
  relationship: string;
  consent: boolean;
}

const emptyDraft: Draft = {
  full_name: '', day: '', month: '', year: '', old_id_number: '', reason: '', reason_other: '',
  province: '', district: '', ward: '', street_address: '', landmark: '', lat: null, lng: null,
  needs: [], ethnic_language: '', preferred_days: [], preferred_periods: [],
  requester_name: '', requester_phone: '', relationship: '', consent: false,
};

// Kept for the browser tab: the answers survive a reload, and a retry after a lost answer reuses
// the idempotency key of the same answers.
const draftKey = 'cccd.homeVisit.draft';
const attemptKey = 'cccd.homeVisit.attempt';

/** The id of the input a schema issue or a refusal is about. */
function fieldId(field: string): string {
  if (field === 'ward') return 'home-ward';
  if (field === 'lat' || field === 'lng' || field === 'location') return 'location-use';
  return field;
}

/** The field a refusal from the database is about, if any. */
function refusalField(refusal: Refusal): string | undefined {
  const byCode: Record<string, string> = {
    invalid_birth_date: 'birth_date',
    invalid_id_number: 'old_id_number',
    invalid_phone: 'requester_phone',
    consent_required: 'consent',
  };
  const field = typeof refusal.details.field === 'string' ? refusal.details.field : byCode[refusal.code];
  return field && field !== 'request' ? fieldId(field) : undefined;
}

type Problem = { kind: 'network' } | { kind: 'refusal'; refusal: Refusal };

export default function HomeVisitIsland({ locale, messages }: { locale: Locale; messages: Messages }) {
  const t = createTranslator(locale, messages);
  const [draft, setDraft] = useState<Draft>(() => ({ ...emptyDraft, ...readSession<Draft>(draftKey) }));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [sending, setSending] = useState(0);
  const [problem, setProblem] = useState<Problem>();
  const [receipt, setReceipt] = useState<HomeVisitView>();

  useEffect(() => {
    if (!receipt) sessionStorage.setItem(draftKey, JSON.stringify(draft));
  }, [draft, receipt]);

  const set = (change: Partial<Draft>) => setDraft({ ...draft, ...change });
  const fieldErrors = Object.fromEntries(errors.map((error) => [error.field, error.message]));
  const prefix = t('homeVisit:errors.prefix');

  async function submit(event: { preventDefault(): void }) {
    event.preventDefault();
    setProblem(undefined);
    const parsed = homeVisitRequestSchema.safeParse({ ...draft, birth_date: dateFromParts(draft.day, draft.month, draft.year) });
    if (!parsed.success) return setErrors(fieldErrorsOf(parsed.error.issues, (path) => fieldId(String(path[0] ?? 'consent')), t));
    setErrors([]);
    const request = toRequestPayload(parsed.data);
    const result = await sendOnce(attemptKey, 'request_home_visit', (key) => ({ p_request: request, p_idempotency_key: key }), homeVisitViewSchema, setSending);
    if (result.ok) {
      const view = result.data;
      saveLink({ code: view.code, token: view.token ?? '' });
      sessionStorage.removeItem(draftKey);
      setReceipt(view);
      return;
    }
    if ('network' in result) return setProblem({ kind: 'network' });
    const field = refusalField(result.refusal);
    const { key: messageKey, values } = refusalMessage(result.refusal, [request.full_name]);
    const rejected = rejectedFieldMessage(result.refusal, 'request');
    if (field) setErrors([{ field, message: rejected ? t(rejected) : t(messageKey, values) }]);
    else setProblem({ kind: 'refusal', refusal: result.refusal });
  }

  if (receipt) return <Receipt t={t} locale={locale} view={receipt} />;

  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="home-visit-form">
      <ErrorSummary title={t('homeVisit:errors.title')} errors={errors} />

      <h2>{t('homeVisit:form.heading.person')}</h2>
      <TextField id="full_name" autoComplete="off" label={t('homeVisit:person.fullName')} hint={t('homeVisit:person.fullNameHint')}
        error={fieldErrors.full_name} errorPrefix={prefix} value={draft.full_name} onValue={(full_name) => set({ full_name })} />
      <DateParts
        id="birth_date"
        partIds={{ month: 'birth_month', year: 'birth_year' }}
        legend={t('homeVisit:person.birthDate')}
        hint={t('homeVisit:person.birthDateHint')}
        labels={{ day: t('homeVisit:person.day'), month: t('homeVisit:person.month'), year: t('homeVisit:person.year') }}
        error={fieldErrors.birth_date}
        errorPrefix={prefix}
        value={draft}
        onChange={(part, value) => set({ [part]: value })}
      />
      <TextField id="old_id_number" inputMode="numeric" autoComplete="off" label={t('homeVisit:person.oldId')} hint={t('homeVisit:person.oldIdHint')}
        error={fieldErrors.old_id_number} errorPrefix={prefix} value={draft.old_id_number} onValue={(old_id_number) => set({ old_id_number })} />
      <Choices id="reason" type="radio" legend={t('homeVisit:reason.legend')} errorPrefix={prefix} error={fieldErrors.reason}
        options={reasons.map((reason) => ({ value: reason, label: t(`homeVisit:reason.${reason}`) }))}
        chosen={[draft.reason]} onChange={([reason]) => set({ reason: reason ?? '' })} />
      {draft.reason === 'other' && (
        <TextField id="reason_other" label={t('homeVisit:reasonOther.label')} error={fieldErrors.reason_other} errorPrefix={prefix}
          value={draft.reason_other} onValue={(reason_other) => set({ reason_other })} />
      )}

      <h2>{t('homeVisit:form.heading.where')}</h2>
      <UnitPickers
        t={t}
        idPrefix="home"
        value={draft}
        onChange={(area) => set(area)}
        wardError={fieldErrors['home-ward']}
        labels={{
          province: { label: t('homeVisit:where.province'), empty: t('homeVisit:where.provinceChoose') },
          district: { label: t('homeVisit:where.district'), empty: t('homeVisit:where.districtChoose') },
          ward: { label: t('homeVisit:where.ward'), empty: t('homeVisit:where.wardChoose') },
        }}
      />
      <TextField id="street_address" autoComplete="street-address" label={t('homeVisit:where.address')} error={fieldErrors.street_address}
        errorPrefix={prefix} value={draft.street_address} onValue={(street_address) => set({ street_address })} />
      <TextField id="landmark" label={t('homeVisit:where.landmark')} hint={t('homeVisit:where.landmarkHint')} error={fieldErrors.landmark}
        errorPrefix={prefix} value={draft.landmark} onValue={(landmark) => set({ landmark })} />
      <Location t={t} draft={draft} error={fieldErrors['location-use']} onChange={(lat, lng) => set({ lat, lng })} />

      <Choices id="needs" type="checkbox" legend={t('homeVisit:needs.legend')} errorPrefix={prefix} error={fieldErrors.needs}
        options={needs.map((need) => ({ value: need, label: t(`homeVisit:needs.${need}`) }))}
        chosen={draft.needs} onChange={(chosen) => set({ needs: chosen })} />
      {draft.needs.includes('ethnic_language') && (
        <TextField id="ethnic_language" label={t('homeVisit:language.label')} error={fieldErrors.ethnic_language} errorPrefix={prefix}
          value={draft.ethnic_language} onValue={(ethnic_language) => set({ ethnic_language })} />
      )}

      <PreferenceFields t={t} days={draft.preferred_days} chosenPeriods={draft.preferred_periods} errors={fieldErrors}
        onChange={({ days, periods }) => set({ ...(days && { preferred_days: days }), ...(periods && { preferred_periods: periods }) })} />

      <h2>{t('homeVisit:form.heading.requester')}</h2>
      <p>{t('homeVisit:requester.lead')}</p>
      <TextField id="requester_name" autoComplete="name" label={t('homeVisit:requester.name')} error={fieldErrors.requester_name}
        errorPrefix={prefix} value={draft.requester_name} onValue={(requester_name) => set({ requester_name })} />
      <TextField id="requester_phone" type="tel" autoComplete="tel" inputMode="tel" label={t('homeVisit:requester.phone')}
        hint={t('homeVisit:requester.phoneHint')} error={fieldErrors.requester_phone} errorPrefix={prefix}
        value={draft.requester_phone} onValue={(requester_phone) => set({ requester_phone })} />
      <div className={`field${fieldErrors.relationship ? ' field-invalid' : ''}`}>
        <label htmlFor="relationship">{t('homeVisit:relationship.label')}</label>
        <InlineError id="relationship" prefix={prefix} message={fieldErrors.relationship} />
        <select id="relationship" value={draft.relationship} onChange={(event) => set({ relationship: event.currentTarget.value })}
          aria-invalid={fieldErrors.relationship ? true : undefined} aria-describedby={describedBy('relationship', false, fieldErrors.relationship)}>
          <option value="">{t('homeVisit:relationship.choose')}</option>
          {relationships.map((relationship) => (
            <option key={relationship} value={relationship}>
              {t(`homeVisit:relationship.${relationship}`)}
            </option>
          ))}
        </select>
      </div>

      <h2>{t('homeVisit:consent.heading')}</h2>
      <p className="consent-text">{t('homeVisit:consent.text')}</p>
      <Checkbox id="consent" label={t('homeVisit:consent.label')} error={fieldErrors.consent} prefix={prefix}
        checked={draft.consent} onChange={(consent) => set({ consent })} />

      <div aria-live="polite">
        {sending > 1 && <p>{t('homeVisit:form.retrying', { attempt: sending })}</p>}
        {problem?.kind === 'network' && <p className="notice notice-error">{t('homeVisit:network.failed')}</p>}
        {problem?.kind === 'refusal' && <RefusalNotice t={t} locale={locale} refusal={problem.refusal} />}
      </div>
      <button type="submit" className="button" disabled={sending > 0}>
        {sending > 0 ? t('homeVisit:form.sending') : problem?.kind === 'network' ? t('homeVisit:network.retry') : t('homeVisit:form.submit')}
      </button>
    </form>
  );
}

/**
 * A refusal not about one field. The existing request for the same person names its code only to
 * the phone that sent it; anyone else gets the general text.
 */
function RefusalNotice({ t, locale, refusal }: { t: Translate; locale: Locale; refusal: Refusal }) {
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

/** "I'm at the house now": the phone's location, kept only when the requester asks for it. */
function Location({ t, draft, error, onChange }: { t: Translate; draft: Draft; error: string | undefined; onChange: (lat: number | null, lng: number | null) => void }) {
  const [state, setState] = useState<'idle' | 'locating' | 'failed'>('idle');
  function locate() {
    if (!('geolocation' in navigator)) return setState('failed');
    setState('locating');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setState('idle');
        onChange(position.coords.latitude, position.coords.longitude);
      },
      () => setState('failed'),
      { enableHighAccuracy: true, timeout: 20_000 },
    );
  }
  const prefix = t('homeVisit:errors.prefix');
  return (
    <fieldset className={`field${error ? ' field-invalid' : ''}`} aria-describedby={describedBy('location-use', true, error)}>
      <legend>{t('homeVisit:location.legend')}</legend>
      <p className="hint" id="location-use-hint">
        {t('homeVisit:location.hint')}
      </p>
      <InlineError id="location-use" prefix={prefix} message={error} />
      <div aria-live="polite">
        {state === 'locating' && <p>{t('homeVisit:location.locating')}</p>}
        {state === 'failed' && <p className="notice">{t('homeVisit:location.failed')}</p>}
        {draft.lat !== null && draft.lng !== null && (
          <p>{t('homeVisit:location.saved', { lat: draft.lat.toFixed(5), lng: draft.lng.toFixed(5) })}</p>
        )}
      </div>
      {draft.lat !== null ? (
        <button type="button" id="location-use" className="button button-secondary" onClick={() => onChange(null, null)}>
          {t('homeVisit:location.remove')}
        </button>
      ) : (
        <button type="button" id="location-use" className="button button-secondary" disabled={state === 'locating'} onClick={locate}>
          {t('homeVisit:location.use')}
        </button>
      )}
    </fieldset>
  );
}

/** The receipt: the code to read over the phone and the private link, with ways to keep it. */
function Receipt({ t, locale, view }: { t: Translate; locale: Locale; view: HomeVisitView }) {
  const url = new URL(statusUrl(locale, { code: view.code, token: view.token ?? '' }), location.origin).href;
  const [copied, setCopied] = useState<'yes' | 'failed'>();
  useEffect(() => {
    document.getElementById('receipt-heading')?.focus();
  }, []);
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
      <h2 id="receipt-heading" tabIndex={-1} className="done-heading">
        {t('homeVisit:receipt.heading')}
      </h2>
      <p>{t('homeVisit:receipt.lead', { phone: view.phone_masked ?? '' })}</p>
      <dl className="summary-list">
        <div>
          <dt>{t('homeVisit:receipt.code')}</dt>
          <dd className="ticket-code">{formatCode(view.code)}</dd>
        </div>
        <div>
          <dt>{t('homeVisit:details.person')}</dt>
          <dd>{view.full_name}</dd>
        </div>
      </dl>
      <div className="field">
        <label htmlFor="status-link">{t('homeVisit:receipt.link')}</label>
        <p className="hint" id="status-link-hint">
          {t('homeVisit:receipt.linkHint')}
        </p>
        <input id="status-link" readOnly value={url} aria-describedby="status-link-hint" onFocus={(event) => event.currentTarget.select()} />
      </div>
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
