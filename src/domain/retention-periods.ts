// How many days personal data is kept (src/content/privacy/retention.json): the privacy notice,
// the consent texts and the organisations page state these, and the database's purge keeps to the
// same rows (private.retention_periods; tests/db/retention.test.ts checks both agree).
import periods from '../content/privacy/retention.json' with { type: 'json' };

export type RetentionPeriod = keyof typeof periods;

/** Days after the session (visit, close, handling, due day) that personal data is kept. */
export const retentionDays: number = periods.personal_data;

/** Days after it was sent that a request nobody closed or handled is kept. */
export const unansweredRequestDays: number = periods.unanswered_requests;

export const retentionPeriods: Readonly<Record<RetentionPeriod, number>> = periods;
