// A campaign's quota shared between the units directly under the province: typed in a table, or
// imported from a CSV file (its reader loads when a file is imported), with the report of the rows
// staff_save_unit_quotas saved and refused.
import { useCallback, useId, useRef, useState } from 'react';
import type { AdminCampaign } from '../../../domain/campaign-admin.ts';
import {
  changedQuotas, importReport, maxQuotaRows, savedUnitQuotasSchema, type ImportReport, type QuotaRow, type RefusedRow, type SavedQuota, type TypedQuota,
} from '../../../domain/unit-quotas.ts';
import type { Locale } from '../../../i18n/config.ts';
import { formatNumber } from '../../../lib/format.ts';
import { useRead } from '../../shared/use-read.ts';
import type { Translate } from '../../translator.ts';
import { failureText, staffRpc } from '../calls.ts';
import { UnitName } from '../UnitName.tsx';
import { loadQuotas, type QuotaUnit } from './data.ts';

interface Props {
  locale: Locale;
  t: Translate;
  campaign: AdminCampaign;
  units: QuotaUnit[];
}

type Outcome = { report: ImportReport } | { error: string } | null;

export function UnitQuotas({ locale, t, campaign, units }: Props) {
  const [saved, setSaved] = useState<Map<string, SavedQuota> | 'failed' | 'loading'>('loading');
  const [typed, setTyped] = useState<Map<string, TypedQuota>>(new Map());
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const file = useRef<HTMLInputElement>(null);
  const fileId = useId();
  const outcomeRef = useRef<HTMLDivElement>(null);
  const apply = useCallback((quotas: Map<string, SavedQuota> | 'failed') => {
    setSaved(quotas);
    if (quotas !== 'failed') setTyped(new Map([...quotas].map(([code, { quota, people }]) => [code, { quota: String(quota), people: String(people ?? '') }])));
  }, []);
  const refresh = useRead(
    useCallback(() => loadQuotas(campaign.id, units).catch(() => 'failed' as const), [campaign.id, units]),
    apply,
  );
  if (saved === 'loading') return <p role="status">{t('staff:loading')}</p>;
  if (saved === 'failed') return <p className="notice notice-error" role="alert">{t('staff:loadError')}</p>;
  const quotas = saved;

  async function send(rows: QuotaRow[], unread: RefusedRow[]) {
    setBusy(true);
    const result = await staffRpc('staff_save_unit_quotas', { p_campaign_id: campaign.id, p_rows: rows }, savedUnitQuotasSchema);
    setBusy(false);
    setOutcome(result.ok ? { report: importReport(unread, result.data) } : { error: failureText(t, result) });
    if (result.ok) await refresh();
    outcomeRef.current?.focus();
  }

  async function saveTyped(event: { preventDefault(): void }) {
    event.preventDefault();
    const rows = changedQuotas(units, quotas, typed);
    if (rows.length === 0) return setOutcome({ error: t('staffCampaigns:quotas.nothing') });
    await send(rows, []);
  }

  async function importFile(event: { preventDefault(): void }) {
    event.preventDefault();
    const chosen = file.current?.files?.[0];
    if (!chosen) return setOutcome({ error: t('staffCampaigns:import.noFile') });
    // The reader (PapaParse) is loaded only now, on the administrator's action.
    const read = await Promise.all([import('../../../domain/unit-quotas-csv.ts'), chosen.text()]).catch(() => null);
    if (!read) return setOutcome({ error: t('staffCampaigns:import.unreadable') });
    const [{ readQuotaCsv }, text] = read;
    const { rows, unread, tooMany } = readQuotaCsv(text);
    if (tooMany) return setOutcome({ error: t('staffCampaigns:import.tooMany', { max: maxQuotaRows }) });
    if (rows.length === 0) return setOutcome(unread.length ? { report: { saved: 0, removed: 0, refused: unread } } : { error: t('staffCampaigns:import.empty') });
    await send(rows, unread);
  }

  const sum = [...quotas.values()].reduce((a, b) => a + b.quota, 0);
  const level = campaign.unit_set === '2021' ? '2021' : '2025';
  return (
    <section aria-labelledby="quotas-heading">
      <h2 id="quotas-heading">{t('staffCampaigns:quotas.heading')}</h2>
      <p>{t(`staffCampaigns:quotas.intro${level}`)}</p>
      <p>{t('staffCampaigns:quotas.sum', { sum: formatNumber(locale, sum), quota: formatNumber(locale, campaign.quota) })}</p>

      <div ref={outcomeRef} tabIndex={-1} aria-live="polite">
        {outcome && 'error' in outcome && <p className="notice notice-warning">{outcome.error}</p>}
        {outcome && 'report' in outcome && <Report t={t} report={outcome.report} level={level} />}
      </div>

      <form className="staff-form" onSubmit={(event) => void importFile(event)} noValidate aria-labelledby="import-heading">
        <h3 id="import-heading">{t('staffCampaigns:import.heading')}</h3>
        <p className="hint" id={`${fileId}-hint`}>{t('staffCampaigns:import.intro')}</p>
        <div className="field">
          <label htmlFor={fileId}>{t('staffCampaigns:import.file')}</label>
          <input id={fileId} ref={file} type="file" accept=".csv,text/csv" aria-describedby={`${fileId}-hint`} />
        </div>
        <div className="staff-actions">
          <button type="submit" className="button" disabled={busy}>
            {t('staffCampaigns:import.send')}
          </button>
        </div>
      </form>

      <form className="staff-form" onSubmit={(event) => void saveTyped(event)} noValidate>
        <table className="staff-quotas">
          <caption>{t('staffCampaigns:quotas.table')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('staffCampaigns:quotas.unit')}</th>
              <th scope="col">{t('staffCampaigns:quotas.code')}</th>
              <th scope="col">{t('staffCampaigns:quotas.quota')}</th>
              <th scope="col">{t('staffCampaigns:quotas.people')}</th>
            </tr>
          </thead>
          <tbody>
            {units.map((unit) => (
              <tr key={unit.id}>
                <th scope="row">
                  <UnitName locale={locale} unit={unit} />
                </th>
                <td>{unit.code}</td>
                {(['quota', 'people'] as const).map((box) => (
                  <td key={box}>
                    <input
                      className="staff-quota-input"
                      inputMode="numeric"
                      aria-label={t(box === 'quota' ? 'staffCampaigns:quotas.quotaOf' : 'staffCampaigns:quotas.peopleOf', { unit: unit.name })}
                      value={typed.get(unit.code)?.[box] ?? ''}
                      onChange={(event) => {
                        const value = event.currentTarget.value;
                        setTyped((m) => new Map(m).set(unit.code, { quota: '', people: '', ...m.get(unit.code), [box]: value }));
                      }}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <div className="staff-actions">
          <button type="submit" className="button" disabled={busy}>
            {t('staffCampaigns:quotas.save')}
          </button>
        </div>
      </form>
    </section>
  );
}

function Report({ t, report, level }: { t: Translate; report: ImportReport; level: '2021' | '2025' }) {
  const reason = (row: RefusedRow) =>
    row.reason === 'wrong_level' ? t(`staffCampaigns:reason.wrong_level${level}`) : t(`staffCampaigns:reason.${row.reason}`, row.first_line === undefined ? {} : { first_line: row.first_line });
  return (
    <div className="staff-report">
      <h3>{t('staffCampaigns:report.heading')}</h3>
      <p>{t('staffCampaigns:report.saved', { count: report.saved })}</p>
      {report.removed > 0 && <p>{t('staffCampaigns:report.removed', { count: report.removed })}</p>}
      {report.refused.length === 0 ? (
        <p>{t('staffCampaigns:report.none')}</p>
      ) : (
        <table>
          <caption>{t('staffCampaigns:report.refused', { count: report.refused.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('staffCampaigns:report.line')}</th>
              <th scope="col">{t('staffCampaigns:report.code')}</th>
              <th scope="col">{t('staffCampaigns:report.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {report.refused.map((row) => (
              <tr key={`${row.line}:${row.reason}`}>
                <td>{row.line}</td>
                <td>{row.code}</td>
                <td>{reason(row)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
