// The day's count of applications for one unit: the figure recorded so far is shown, and saving
// replaces it (one row per unit and day; the database's audit log keeps every earlier figure).
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import type { Locale } from '../../../i18n/config.ts';
import { todayInVietnam } from '../../../domain/dates.ts';
import { campaignFor } from '../../../domain/campaign-dates.ts';
import { formatDate, formatNumber } from '../../../lib/format.ts';
import type { Translate } from '../../translator.ts';
import { ErrorSummary } from '../../shared/ErrorSummary.tsx';
import { Interpolated, vietnameseData } from '../../shared/Interpolated.tsx';
import { SelectField } from '../../shared/SelectField.tsx';
import { TextField } from '../../shared/TextField.tsx';
import { useForm } from '../../shared/use-form.ts';
import { useRead } from '../../shared/use-read.ts';
import type { Scope } from '../scope.ts';
import type { StaffMember } from '../use-staff.ts';
import { noAnswer } from '../calls.ts';
import { readCount, type CountRow } from './data.ts';
import { refusalText } from './refusal.ts';

interface Props {
  t: Translate;
  locale: Locale;
  staff: StaffMember;
  scope: Scope;
}

const fieldIds = { unitId: 'count-unit', day: 'count-day', applications: 'count-applications', walkIns: 'count-walk-ins' } as const;

/** Which figure a row is: the campaign's, for a unit and day. */
const countKey = (campaignId: number, unitId: number, day: string) => `${campaignId}/${unitId}/${day}`;

/** The form's schema and the write, loaded with the first save: the page opens without them. */
const loadSaving = () => import('./save-count.ts').catch(() => null);

export function DailyCount({ t, locale, staff, scope }: Props) {
  // The officer's own unit first (a district may record for itself), then the wards under it.
  const units = [{ id: staff.unit.id, name: staff.unit.name }, ...scope.wards.filter((ward) => ward.id !== staff.unit.id)];
  const [unitId, setUnitId] = useState(String(staff.unit.id));
  const [day, setDay] = useState(todayInVietnam);
  const [applications, setApplications] = useState('');
  const [walkIns, setWalkIns] = useState('');
  const form = useForm(t);
  const [shown, setShown] = useState<{ key: string; row: CountRow | null }>();
  const [message, setMessage] = useState<{ error: boolean; text: ReactNode } | null>(null);
  const [busy, setBusy] = useState(false);
  const campaign = campaignFor(scope.campaigns, day);
  const unitName = units.find((unit) => String(unit.id) === unitId)?.name ?? '';

  const campaignId = campaign?.id;
  const readable = /^\d{4}-\d{2}-\d{2}$/.test(day);
  const wanted = campaignId !== undefined && readable ? countKey(campaignId, Number(unitId), day) : null;
  // Another unit or day shows as loading until its own figure comes.
  const current = shown && shown.key === wanted ? shown.row : undefined;
  const read = useMemo(
    () => (campaignId !== undefined && readable ? async () => ({ key: countKey(campaignId, Number(unitId), day), result: await readCount(campaignId, Number(unitId), day) }) : null),
    [campaignId, readable, unitId, day],
  );
  const show = useCallback(
    ({ key, result }: { key: string; result: Awaited<ReturnType<typeof readCount>> }) =>
      result.ok ? setShown({ key, row: result.data }) : setMessage({ error: true, text: refusalText(t, result) }),
    [t],
  );
  useRead(read, show);

  async function submit(event: { preventDefault(): void }) {
    event.preventDefault();
    setMessage(null);
    // Busy from the first moment, so a second press while the code loads sends nothing.
    setBusy(true);
    const saving = await loadSaving();
    if (!saving) setMessage({ error: true, text: refusalText(t, noAnswer()) });
    const checked = saving && form.check(saving.dailyCountSchema, { unitId, day, applications, walkIns }, (path) => fieldIds[path[0] as keyof typeof fieldIds] ?? fieldIds.applications);
    if (!saving || !checked || !campaign) return setBusy(false);
    const result = await saving.saveCount({ campaignId: campaign.id, unitId: checked.unitId, day: checked.day, applications: checked.applications, walkIns: checked.walkIns });
    setBusy(false);
    if (!result.ok) {
      setMessage({ error: true, text: refusalText(t, result) });
      return;
    }
    setShown({ key: countKey(campaign.id, checked.unitId, checked.day), row: result.data });
    setMessage({
      error: false,
      text: (
        <Interpolated
          t={t}
          name="staffDay:count.saved"
          values={{ unit: <span lang={vietnameseData(locale)}>{unitName}</span>, date: formatDate(locale, day), applications: formatNumber(locale, result.data.applications) }}
        />
      ),
    });
  }

  const clock = (instant: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', hourCycle: 'h23', timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(instant));

  return (
    <section aria-labelledby="day-count">
      <h2 id="day-count">{t('staffDay:count.heading')}</h2>
      <p>{t('staffDay:count.intro')}</p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <ErrorSummary title={t('staffDay:form.errorTitle')} errors={form.errors} />
        <SelectField {...form.field(fieldIds.unitId)} label={t('staffDay:count.unit')} value={unitId} onValue={setUnitId}
          options={units.map((unit) => ({ value: String(unit.id), label: unit.name, lang: vietnameseData(locale) }))} />
        <TextField {...form.field(fieldIds.day)} type="date" label={t('staffDay:count.day')} value={day} onValue={setDay} />
        <div aria-live="polite">
          {!campaign ? (
            <p className="notice notice-warning">{t('staffDay:count.noCampaign')}</p>
          ) : current === undefined ? (
            <p>{t('staffDay:count.loading')}</p>
          ) : (
            <p className="notice">
              {current
                ? t('staffDay:count.current', { applications: formatNumber(locale, current.applications), walkIns: formatNumber(locale, current.walk_ins), time: clock(current.updated_at) })
                : t('staffDay:count.none')}
            </p>
          )}
        </div>
        <TextField
          {...form.field(fieldIds.applications)}
          label={t('staffDay:count.applications')}
          hint={t('staffDay:count.applicationsHint')}
          inputMode="numeric"
          autoComplete="off"
          value={applications}
          onValue={setApplications}
        />
        <TextField
          {...form.field(fieldIds.walkIns)}
          label={t('staffDay:count.walkIns')}
          inputMode="numeric"
          autoComplete="off"
          value={walkIns}
          onValue={setWalkIns}
        />
        <button type="submit" className="button" disabled={busy || !campaign}>
          {t('staffDay:count.submit')}
        </button>
      </form>
      <div aria-live="polite">{message && <p className={`notice${message.error ? ' notice-error' : ''}`}>{message.text}</p>}</div>
    </section>
  );
}
