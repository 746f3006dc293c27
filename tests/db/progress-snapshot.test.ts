// Campaign progress read from a snapshot the scheduled job refreshes every 30 s: figures at most a
// minute old with the time they were computed (as_of), live figures when no snapshot is that young.
import { describe, expect, test } from 'vitest';
import { answer, answerSchemas } from './support/answers.ts';
import { anonFrom, createCampaign, sql } from './support/fixtures.ts';

const citizen = anonFrom('127.0.5.7');

async function progressOf(slug: string) {
  return answer(answerSchemas.campaign_progress, await citizen.rpc('campaign_progress', { p_slug: slug }));
}

async function count(campaignId: number, applications: number): Promise<void> {
  await sql(
    `insert into public.daily_intake_counts (campaign_id, unit_id, day, applications)
     select $1, u.id, (now() at time zone 'Asia/Ho_Chi_Minh')::date - 1, $2
     from public.admin_units u where u.unit_set = '2021' and u.code = '474'
     on conflict (campaign_id, unit_id, day) do update set applications = excluded.applications`,
    [campaignId, applications],
  );
}

describe('campaign progress', () => {
  test('is computed live, as of now, when no snapshot was taken', async () => {
    const { id, slug } = await createCampaign('46');
    await count(id, 120);
    const before = Date.now();
    const progress = await progressOf(slug);
    expect(progress.intake).toBe(120);
    expect(Date.parse(progress.as_of)).toBeGreaterThanOrEqual(before - 1000);
  });

  test('is the snapshot while it is younger than a minute, then live again', async () => {
    const { id, slug } = await createCampaign('46');
    await count(id, 120);
    const [refreshed] = await sql<{ count: number }>('select private.refresh_campaign_progress($1) as count', [id]);
    expect(refreshed!.count).toBe(1);
    const [snapshot] = await sql<{ computed_at: Date }>('select computed_at from private.campaign_progress_snapshots where campaign_id = $1', [id]);

    await count(id, 300);
    const cached = await progressOf(slug);
    expect(cached.intake).toBe(120);
    expect(Date.parse(cached.as_of)).toBe(snapshot!.computed_at.getTime());

    await sql(`update private.campaign_progress_snapshots set computed_at = now() - interval '61 seconds' where campaign_id = $1`, [id]);
    const live = await progressOf(slug);
    expect(live.intake).toBe(300);
    expect(Date.parse(live.as_of)).toBeGreaterThan(snapshot!.computed_at.getTime());
  });

  test('is refreshed for every campaign by a job every 30 seconds', async () => {
    const [job] = await sql<{ every: string; command: string }>(
      `select every::text, command from private.scheduled_jobs where name = 'refresh-campaign-progress'`,
    );
    expect(job).toEqual({ every: '00:00:30', command: 'select private.refresh_campaign_progress()' });
  });
});
