// The audit log of the administrator's area (/{lang}/staff/audit/?from=&to=&actor=): each change an
// officer or volunteer made, newest first, with when, who, what and which unit, filtered by days
// and by who made it; the filters live in the address, so a reload or a shared link shows the same.
import { useCallback, useState } from 'react';
import { auditLogSchema, readAuditFilters, type AuditEntry, type AuditFilters, type AuditLog } from '../../../domain/staff-accounts.ts';
import type { Locale } from '../../../i18n/config.ts';
import { formatDateTime } from '../../../lib/format.ts';
import type { RpcResult } from '../../../lib/public-api.ts';
import { vietnameseData } from '../../shared/Interpolated.tsx';
import { SelectField } from '../../shared/SelectField.tsx';
import { TextField } from '../../shared/TextField.tsx';
import { useRead } from '../../shared/use-read.ts';
import { createTranslator, type Messages, type Translate } from '../../translator.ts';
import { failureText, staffRpc } from '../calls.ts';
import { StaffGate, StaffNav } from '../StaffGate.tsx';
import { UnitName } from '../UnitName.tsx';

export default function AuditIsland({ locale, messages }: { locale: Locale; messages: Messages }) {
  const t = createTranslator(locale, messages);
  return (
    <StaffGate t={t}>
      {(staff, signOut) => (
        <>
          <StaffNav locale={locale} t={t} signOut={signOut} />
          {staff.role.level < 3 ? <AuditLogView locale={locale} t={t} /> : <p>{t('staffAudit:notAdmin')}</p>}
        </>
      )}
    </StaffGate>
  );
}

const pageSize = 50;

function readPage(filters: AuditFilters, before?: number): Promise<RpcResult<AuditLog>> {
  return staffRpc('staff_audit_log', { p_from: filters.from, p_to: filters.to, p_actor: filters.actor, p_before: before, p_limit: pageSize }, auditLogSchema);
}

function AuditLogView({ locale, t }: { locale: Locale; t: Translate }) {
  const [filters] = useState(() => readAuditFilters(new URLSearchParams(window.location.search)));
  const [log, setLog] = useState<RpcResult<AuditLog>>();
  const [loadingMore, setLoadingMore] = useState(false);
  useRead(
    useCallback(() => readPage(filters), [filters]),
    setLog,
  );

  async function more(entries: AuditEntry[]) {
    setLoadingMore(true);
    const next = await readPage(filters, entries.at(-1)?.id);
    setLoadingMore(false);
    setLog((current) => (next.ok && current?.ok ? { ok: true, data: { ...next.data, entries: [...current.data.entries, ...next.data.entries] } } : next));
  }

  if (!log) return <p role="status">{t('staff:loading')}</p>;
  if (!log.ok) return <p className="notice notice-error" role="alert">{failureText(t, log)}</p>;
  const { entries, actors } = log.data;
  return (
    <>
      <Filters locale={locale} t={t} filters={filters} actors={actors} />
      <section aria-labelledby="audit-heading">
        <h2 id="audit-heading">{t('staffAudit:list.heading')}</h2>
        {entries.length === 0 ? (
          <p>{t(filters.from || filters.to || filters.actor ? 'staffAudit:list.empty' : 'staffAudit:list.none')}</p>
        ) : (
          <ol className="audit-list">
            {entries.map((entry) => (
              <Entry key={entry.id} locale={locale} t={t} entry={entry} />
            ))}
          </ol>
        )}
        {log.data.more && (
          <button type="button" className="button button-secondary" disabled={loadingMore} onClick={() => void more(entries)}>
            {loadingMore ? t('staffAudit:list.loadingMore') : t('staffAudit:list.more')}
          </button>
        )}
      </section>
    </>
  );
}

/** A GET form: submitting it loads the page again with the filters in the address. */
function Filters({ locale, t, filters, actors }: { locale: Locale; t: Translate; filters: AuditFilters; actors: AuditLog['actors'] }) {
  const [from, setFrom] = useState(filters.from ?? '');
  const [to, setTo] = useState(filters.to ?? '');
  const [actor, setActor] = useState(filters.actor ?? '');
  return (
    <form method="get" className="audit-filters" aria-label={t('staffAudit:filters.heading')}>
      <TextField id="from" name="from" type="date" label={t('staffAudit:filters.from')} value={from} onValue={setFrom} />
      <TextField id="to" name="to" type="date" label={t('staffAudit:filters.to')} value={to} onValue={setTo} />
      <SelectField
        id="actor"
        label={t('staffAudit:filters.actor')}
        value={actor}
        onValue={setActor}
        options={[
          { value: '', label: t('staffAudit:filters.anyone') },
          ...actors.map((each) => ({ value: each.id, label: each.name ?? t('staffAudit:list.unknownActor'), lang: each.name ? vietnameseData(locale) : undefined })),
        ]}
      />
      {/* The select's name: SelectField gives it none, and an empty value means anyone. */}
      <input type="hidden" name="actor" value={actor} disabled={!actor} />
      <div className="staff-actions">
        <button type="submit" className="button">
          {t('staffAudit:filters.submit')}
        </button>
        {(filters.from || filters.to || filters.actor) && <a href={window.location.pathname}>{t('staffAudit:filters.clear')}</a>}
      </div>
    </form>
  );
}

function Entry({ locale, t, entry }: { locale: Locale; t: Translate; entry: AuditEntry }) {
  const kindKey = `staffAudit:tables.${entry.table_name}`;
  // A table without a label of its own (one added after this page) shows its name.
  const kind = t(kindKey) === kindKey ? entry.table_name : t(kindKey);
  return (
    <li className="audit-entry">
      <dl className="summary-list">
        <div>
          <dt>{t('staffAudit:list.when')}</dt>
          <dd>
            <time dateTime={entry.at}>{formatDateTime(locale, entry.at)}</time>
          </dd>
        </div>
        <div>
          <dt>{t('staffAudit:list.who')}</dt>
          <dd lang={entry.actor.name ? vietnameseData(locale) : undefined}>{entry.actor.name ?? t('staffAudit:list.unknownActor')}</dd>
        </div>
        <div>
          <dt>{t('staffAudit:list.what')}</dt>
          <dd>
            {t(`staffAudit:action.${entry.action}`, { what: kind })}
            {entry.changed.length > 0 && <span className="hint"> ({t('staffAudit:list.changed', { columns: entry.changed.join(', ') })})</span>}
          </dd>
        </div>
        <div>
          <dt>{t('staffAudit:list.unit')}</dt>
          <dd>
            <UnitName locale={locale} unit={entry.unit} />
          </dd>
        </div>
      </dl>
    </li>
  );
}
