// Joining through an organisation's link: the public facts of the link (never who has joined), a
// shift, the person, class or department, phone, a guardian's consent for a minor at a school,
// then the ticket. A lost answer is retried with the same idempotency key, so it books once.
import { lazy, Suspense, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { BookingView } from '../../domain/booking-view.ts';
import type { ConsentVersions } from '../../domain/consent.ts';
import { dateFromParts } from '../../domain/dates.ts';
import { networkErrorKey, refusalMessage, type Refusal } from '../../domain/errors.ts';
import { messagesAgreement } from '../../domain/messages-agreement.ts';
import { linkInfoSchema, tokenFrom, type LinkInfo } from '../../domain/join-link.ts';
import type { Locale } from '../../i18n/config.ts';
import { localizedPath } from '../../i18n/paths.ts';
import { rpc } from '../../lib/public-api.ts';
import { emptyPerson, personFieldId, refusalPersonFieldId } from '../book/PersonFields.tsx';
import { noMessages } from '../shared/MessagesFields.tsx';
import { RetryNotice } from '../shared/RetryNotice.tsx';
import { useSendOnce } from '../shared/send-once.ts';
import { loadTicketStore } from '../shared/load-ticket-store.ts';
// A device that keeps tickets keeps the page that shows them offline.
import '../shared/offline.ts';
import { useForm } from '../shared/use-form.ts';
import { useRead } from '../shared/use-read.ts';
import { createTranslator, type Messages } from '../translator.ts';
import { JoinForm, type Draft } from './JoinForm.tsx';
import { LinkFacts } from './LinkFacts.tsx';

// The idempotency key of the answers being sent, kept for the tab so a retry after a reload
// books once too.
const attemptKey = 'cccd.join.attempt';

// The ticket (and its QR code) is loaded once the person starts on the form, not with the page.
const loadDone = () => import('./JoinDone.tsx');
const JoinDone = lazy(loadDone);
// The form's schema, with the same start.
const loadRequest = () => import('../../domain/join-request.ts');
const startForm = () => void Promise.all([loadDone(), loadRequest()]);

const emptyDraft: Draft = { shift_id: '', person: { ...emptyPerson }, org_group: '', phone: '', guardian_consent: false, ...noMessages, consent: '' };

/** The field id of a schema issue's path (`['person', 'birth_date']` → the person's date field). */
function fieldOf(path: readonly PropertyKey[]): string {
  const [first, second] = path;
  if (first === 'person') return personFieldId(0, typeof second === 'string' ? second : 'full_name');
  return first === 'shift_id' ? 'shift' : String(first);
}

/** The field a refusal is about, to show it there; undefined for refusals about the link or shift. */
function refusalField(refusal: Refusal): string | undefined {
  const formField: Record<string, string> = { invalid_phone: 'phone', phone_limit: 'phone', consent_required: 'consent', consent_outdated: 'consent', guardian_consent_required: 'guardian_consent' };
  if (refusal.code === 'invalid_argument' && refusal.details.field === 'org_group') return 'org_group';
  return refusalPersonFieldId(refusal) ?? formField[refusal.code];
}

/** The link's public facts, or why they cannot be shown. */
async function readInfo(token: string): Promise<LinkInfo | Refusal | 'network'> {
  const answer = await rpc('signup_link_info', { p_token: token }, linkInfoSchema);
  return answer.ok ? answer.data : 'network' in answer ? 'network' : answer.refusal;
}

/** Why the page shows no link: `heading` says it was not found, `text` what to do about it. */
function LinkProblem({ heading, text, action }: { heading?: string; text: string; action: ReactNode }) {
  return (
    <div className="notice notice-error">
      {heading && <h2>{heading}</h2>}
      <p>{text}</p>
      {action}
    </div>
  );
}

export default function JoinIsland({ locale, messages, consent }: { locale: Locale; messages: Messages; consent: ConsentVersions }) {
  const t = createTranslator(locale, messages);
  const [token] = useState(() => tokenFrom(location.search));
  const [info, setInfo] = useState<LinkInfo | Refusal | 'network'>();
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const form = useForm(t);
  const { attempt, send } = useSendOnce(attemptKey);
  const [problem, setProblem] = useState<string>();
  const [joined, setJoined] = useState<BookingView>();

  /**
   * Reads the link's facts. `again` (after a refusal about the link or shift) keeps the form on
   * screen while it reads, and the facts already shown if the read fails.
   */
  const read = useMemo(() => (token ? () => readInfo(token) : null), [token]);
  useRead(read, setInfo);

  async function load(again = false) {
    if (!read) return;
    if (!again) setInfo(undefined);
    const next = await read();
    if (!again || (next !== 'network' && !('code' in next))) setInfo(next);
  }

  useEffect(() => {
    if (joined) document.querySelector('h1')?.scrollIntoView();
  }, [joined]);

  const schedulesLink = (
    <a className="button button-secondary" href={localizedPath(locale, 'schedules')}>
      {t('join:page.schedules')}
    </a>
  );
  // No token, one cut short, or one no link has: the same "not found", with what to do about it.
  const notFound = t('join:page.notFound');
  if (!token) return <LinkProblem heading={notFound} text={t('join:page.noToken')} action={schedulesLink} />;
  if (info === undefined) return <p aria-live="polite">{t('join:page.loading')}</p>;
  if (info === 'network') return <RetryNotice text={t(networkErrorKey)} retryLabel={t('join:page.retry')} onRetry={() => void load()} />;
  if ('code' in info) {
    return <LinkProblem heading={info.code === 'link_not_found' ? notFound : undefined} text={t(refusalMessage(info).key)} action={schedulesLink} />;
  }
  if (joined) {
    return (
      <Suspense fallback={<p role="status">{t('join:page.loading')}</p>}>
        <JoinDone locale={locale} t={t} joined={joined} />
      </Suspense>
    );
  }
  const link = info;

  async function submit() {
    const parts = await loadRequest().catch(() => null);
    if (!parts) return setProblem(t(networkErrorKey));
    const request = form.check(parts.joinRequestSchemaFor(link), {
      shift_id: draft.shift_id,
      person: {
        full_name: draft.person.full_name,
        birth_date: dateFromParts(draft.person.day, draft.person.month, draft.person.year),
        id_number: draft.person.id_number,
        application_kind: draft.person.application_kind || undefined,
      },
      org_group: draft.org_group,
      phone: draft.phone,
      guardian_consent: draft.guardian_consent,
      messages: messagesAgreement(draft.messages, draft.messagesEmail, locale),
      consent: draft.consent,
    }, fieldOf);
    if (!request) return;
    setProblem(undefined);
    // The answer's schema comes with the ticket store, on the first send: the page opens lighter.
    const store = await loadTicketStore();
    if (!store) return setProblem(t(networkErrorKey));
    const answer = await send('join_signup_link', (key) => parts.toJoinArgs(token!, request, key), store.bookingViewSchema);
    if (answer.ok) {
      const view = answer.data;
      store.saveTicket(view, view.token);
      setJoined(view);
      return;
    }
    if ('network' in answer) return setProblem(t(networkErrorKey));
    const { key: messageKey, values } = refusalMessage(answer.refusal, [request.person.full_name]);
    if (form.showAt(refusalField(answer.refusal), t(messageKey, values))) return;
    setProblem(t(messageKey, values));
    // The link or the shift changed under the person: show its state and places as they are now.
    if (answer.refusal.code.startsWith('link_') || answer.refusal.code === 'shift_full') void load(true);
  }

  return (
    <div className="join">
      <LinkFacts locale={locale} t={t} link={link} />
      {link.state !== 'open' ? (
        <div className="notice notice-error" role="status">
          <h2>{t('join:state.heading')}</h2>
          <p>{t(`errors:link_${link.state}`)}</p>
          {schedulesLink}
        </div>
      ) : (
        <JoinForm locale={locale} t={t} form={form} link={link} draft={draft} consent={consent} onChange={(next) => (startForm(), setDraft(next))} onSubmit={() => void submit()} attempt={attempt} problem={problem} />
      )}
    </div>
  );
}
