// Asking for a home visit: the person, why they cannot travel, where (the schedules page's unit
// pickers and, when at the house, the phone's location), needs, the days that suit, the requester
// and consent; checked with the shared schema, sent with an idempotency key kept for the tab (a
// lost answer is retried and records one request), then the receipt with the private status link.
// The schemas and what follows a send load with the first send (send-parts.ts).
// The request is for the page's campaign (src/lib/page-campaign.ts), whose units the pickers offer.
import { useEffect, useState } from 'react';
import { dateFromParts } from '../../domain/dates.ts';
import { refusalMessage, type Refusal } from '../../domain/errors.ts';
import { messagesAgreement } from '../../domain/messages-agreement.ts';
import { rejectedFieldMessage } from '../../domain/home-visit-basics.ts';
import type { HomeVisitView } from '../../domain/home-visit.ts';
import type { CampaignFormProps } from '../campaign/campaign-form-props.ts';
import { CampaignPanel } from '../campaign/CampaignPanel.tsx';
import { usePageCampaign } from '../campaign/use-page-campaign.ts';
import { CheckedForm } from '../shared/CheckedForm.tsx';
// The receipt's status page opens offline.
import '../shared/offline.ts';
import { useSendOnce } from '../shared/send-once.ts';
import { readSession } from '../shared/tab-storage.ts';
import { useForm } from '../shared/use-form.ts';
import { createTranslator } from '../translator.ts';
import { emptyDraft, RequestFields, type Draft } from './RequestFields.tsx';
import { pickerToAct, type AreaCodes } from '../schedules/UnitPickers.tsx';

// Kept for the browser tab: the answers survive a reload, and a retry after a lost answer reuses
// the idempotency key of the same answers.
const draftKey = 'cccd.homeVisit.draft';
const attemptKey = 'cccd.homeVisit.attempt';

const loadSendParts = () => import('./send-parts.ts');
type SendParts = Awaited<ReturnType<typeof loadSendParts>>;

/** The id of the input a schema issue or a refusal is about (for the ward, the picker to act on in `area`). */
function fieldId(field: string, area: AreaCodes, unitSet: string): string {
  if (field === 'ward') return pickerToAct('home', area, unitSet);
  if (field === 'lat' || field === 'lng' || field === 'location') return 'location-use';
  return field;
}

/** The field a refusal from the database is about, if any. */
function refusalField(refusal: Refusal, area: AreaCodes, unitSet: string): string | undefined {
  const byCode: Record<string, string> = {
    invalid_birth_date: 'birth_date',
    invalid_id_number: 'old_id_number',
    invalid_phone: 'requester_phone',
    consent_required: 'consent',
    consent_outdated: 'consent',
  };
  const field = typeof refusal.details.field === 'string' ? refusal.details.field : byCode[refusal.code];
  return field && field !== 'request' ? fieldId(field, area, unitSet) : undefined;
}

type Problem = { kind: 'network' } | { kind: 'refusal'; refusal: Refusal };

export default function HomeVisitIsland({ locale, messages, consent, campaigns, children }: CampaignFormProps) {
  const t = createTranslator(locale, messages);
  const page = usePageCampaign(campaigns);
  const campaign = page.status === 'chosen' ? page.campaign : null;
  const [draft, setDraft] = useState<Draft>(() => ({ ...emptyDraft, ...readSession<Draft>(draftKey) }));
  const form = useForm(t);
  const { attempt, send } = useSendOnce(attemptKey);
  const [problem, setProblem] = useState<Problem>();
  const [receipt, setReceipt] = useState<HomeVisitView>();
  const [parts, setParts] = useState<SendParts>();

  useEffect(() => {
    if (!receipt) sessionStorage.setItem(draftKey, JSON.stringify(draft));
  }, [draft, receipt]);

  // The province is the campaign's; an area kept from another campaign's units is dropped.
  const province = campaign?.province.code;
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the campaign is known only once the page runs in the browser (src/lib/page-campaign.ts)
    if (province && draft.province !== province) setDraft((current) => ({ ...current, province, district: '', ward: '' }));
  }, [province, draft.province]);

  const unitSet = campaign?.unit_set ?? '2021';

  async function submit() {
    if (!campaign) return;
    setProblem(undefined);
    // Offline before the first send, the parts do not load: the same failure as an unanswered send.
    const loaded = parts ?? (await loadSendParts().catch(() => undefined));
    if (!loaded) return setProblem({ kind: 'network' });
    setParts(loaded);
    const { homeVisitRequestSchema, homeVisitViewSchema, toRequestPayload, saveLink } = loaded;
    const checked = form.check(
      homeVisitRequestSchema,
      {
        ...draft,
        birth_date: dateFromParts(draft.day, draft.month, draft.year),
        messages: messagesAgreement(draft.messages, draft.messagesEmail, locale),
        campaign: campaign.slug,
      },
      (path) => fieldId(String(path[0] ?? 'consent'), draft, unitSet),
    );
    if (!checked) return;
    const request = toRequestPayload(checked);
    const result = await send('request_home_visit', (key) => ({ p_request: request, p_idempotency_key: key }), homeVisitViewSchema);
    if (result.ok) {
      const view = result.data;
      saveLink({ code: view.code, token: view.token ?? '' }, view.status);
      sessionStorage.removeItem(draftKey);
      setReceipt(view);
      return;
    }
    if ('network' in result) return setProblem({ kind: 'network' });
    const { key, values } = refusalMessage(result.refusal, [request.full_name]);
    const rejected = rejectedFieldMessage(result.refusal, 'request');
    if (!form.showAt(refusalField(result.refusal, draft, unitSet), rejected ? t(rejected) : t(key, values))) setProblem({ kind: 'refusal', refusal: result.refusal });
  }

  if (receipt && parts) return <parts.Receipt t={t} locale={locale} view={receipt} />;

  const chooser = (
    <CampaignPanel locale={locale} t={t} state={page}>
      {children}
    </CampaignPanel>
  );
  if (!campaign) return chooser;

  return (
    <>
      {chooser}
      <CheckedForm form={form} title={t('common:form.errorTitle')} className="home-visit-form" onSubmit={submit}>
        <RequestFields
          t={t}
          locale={locale}
          scope={{ unitSet, provinceCode: campaign.province.code }}
          form={form}
          draft={draft}
          consent={consent}
          onChange={(change) => setDraft({ ...draft, ...change })}
        />
        <div aria-live="polite">
          {attempt > 1 && <p>{t('homeVisit:form.retrying', { attempt })}</p>}
          {problem?.kind === 'network' && <p className="notice notice-error">{t('homeVisit:network.failed')}</p>}
          {problem?.kind === 'refusal' && parts && <parts.RefusalNotice t={t} locale={locale} refusal={problem.refusal} />}
        </div>
        <button type="submit" className="button" disabled={attempt > 0}>
          {attempt > 0 ? t('homeVisit:form.sending') : problem?.kind === 'network' ? t('homeVisit:network.retry') : t('homeVisit:form.submit')}
        </button>
      </CheckedForm>
    </>
  );
}
