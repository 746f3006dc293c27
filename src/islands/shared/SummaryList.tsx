// GOV.UK's summary list: key and value pairs (the answers to check, a ticket's or request's facts).
import type { ReactNode } from 'react';

export interface SummaryRow {
  key: string;
  value: ReactNode;
  /** The value's class (`ticket-code` for a code read over the phone). */
  valueClass?: string;
}

export function SummaryList({ rows }: { rows: readonly (SummaryRow | false | null | undefined)[] }) {
  return (
    <dl className="summary-list">
      {rows.filter((row): row is SummaryRow => Boolean(row)).map((row) => (
        <div key={row.key}>
          <dt>{row.key}</dt>
          <dd className={row.valueClass}>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
