// The promise of the privacy notice: personal data is kept for the days it states
// (src/content/privacy/retention.json, which the notice and the consent texts read) and gone the day
// after, by the job that runs daily, not a day before.
import { beforeAll, describe, expect, test } from 'vitest';
import { retentionDays, retentionPeriods, unansweredRequestDays } from '../../src/domain/retention-periods.ts';
import { asView } from './support/booking-view.ts';
import { anonFrom, bookArgs, createCampaign, createSession, person, phone, placeIn, sql } from './support/fixtures.ts';

const citizen = anonFrom('127.0.17.1');
let campaignId: number;

beforeAll(async () => {
  ({ id: campaignId } = await createCampaign());
});

/** Runs the daily job's own command, as pg_cron (or the local stack) runs it. */
async function runDailyPurge(): Promise<void> {
  const [job] = await sql<{ command: string }>(`select command from private.scheduled_jobs where name = 'purge-personal-data'`);
  await sql(job!.command);
}

/** A booking whose session was `daysAgo` days before today in Viet Nam. */
async function bookingOfSessionDaysAgo(daysAgo: number): Promise<{ code: string; full_name: string; phone: string }> {
  const upcoming = await createSession({ campaignId, place: await placeIn('474'), inDays: 1 });
  const someone = person();
  const contact = phone();
  const booked = await citizen.rpc('book_places', bookArgs(upcoming.shiftIds[0]!, [someone], { p_phone: contact }));
  const code = asView(booked.data).bookings[0]!.code;
  const past = await createSession({ campaignId, place: await placeIn('474'), inDays: -daysAgo });
  await sql('update public.bookings set shift_id = $1 where code = $2', [past.shiftIds[0], code]);
  return { code, full_name: someone.full_name, phone: contact };
}

const personalData = async (code: string) =>
  (await sql<{ full_name: string | null; phone: string | null }>(
    `select b.full_name, g.contact_phone as phone from public.bookings b join public.booking_groups g on g.id = b.group_id where b.code = $1`,
    [code],
  ))[0];

describe('retention', () => {
  test('the database keeps the periods the privacy notice states', async () => {
    const rows = await sql<{ name: string; days: number }>('select name, days from private.retention_periods order by name');
    expect(Object.fromEntries(rows.map((row) => [row.name, row.days]))).toEqual(retentionPeriods);
  });

  test('the purge is a daily job, at 03:00 in Viet Nam where pg_cron runs it', async () => {
    const rows = await sql('select every::text, private.cron_schedule(every) as schedule from private.scheduled_jobs where name = $1', ['purge-personal-data']);
    expect(rows).toEqual([{ every: '24:00:00', schedule: '0 20 * * *' }]);
  });

  test(`a booking's name and phone are kept through the ${retentionDays}th day after the session and deleted the day after`, async () => {
    const lastDayKept = await bookingOfSessionDaysAgo(retentionDays);
    const dayAfter = await bookingOfSessionDaysAgo(retentionDays + 1);
    await runDailyPurge();
    expect(await personalData(lastDayKept.code)).toEqual({ full_name: lastDayKept.full_name, phone: lastDayKept.phone });
    expect(await personalData(dayAfter.code)).toEqual({ full_name: null, phone: null });
  });

  /** An organisation request sent (and, when handled, handled) `daysAgo` days ago; answers its id. */
  async function organisationRequest(status: 'new' | 'handled', daysAgo: number): Promise<number> {
    const [row] = await sql<{ id: number }>(
      `insert into public.organisation_requests (campaign_id, kind, name, ward_id, address, expected_people, contact_name, contact_phone,
                                                 preferred_from, preferred_to, status, handled_at, created_at)
       select $1, 'agency', 'Kho bạc Nhà nước', u.id, '8 Lê Lợi', 40, 'Anh Phan Văn Tâm', '0905000017', current_date, current_date + 5,
              $2, case when $2 = 'handled' then now() - make_interval(days => $3) end, now() - make_interval(days => $3)
       from public.admin_units u where u.unit_set = '2021' and u.code = '19786' returning id`,
      [campaignId, status, daysAgo],
    );
    return Number(row!.id);
  }

  async function contactsAfterPurge(ids: number[]): Promise<(string | null)[]> {
    await runDailyPurge();
    const rows = await sql<{ contact_name: string | null }>('select contact_name from public.organisation_requests where id = any($1) order by id', [ids]);
    return rows.map((row) => row.contact_name);
  }

  test(`an organisation's contact is kept ${retentionDays} days after the request was handled and deleted the day after`, async () => {
    const ids = [await organisationRequest('handled', retentionDays), await organisationRequest('handled', retentionDays + 1)];
    expect(await contactsAfterPurge(ids)).toEqual(['Anh Phan Văn Tâm', null]);
  });

  test(`a request nobody handled is kept ${unansweredRequestDays} days after it was sent and deleted the day after`, async () => {
    const ids = [await organisationRequest('new', unansweredRequestDays), await organisationRequest('new', unansweredRequestDays + 1)];
    expect(await contactsAfterPurge(ids)).toEqual(['Anh Phan Văn Tâm', null]);
  });
});
