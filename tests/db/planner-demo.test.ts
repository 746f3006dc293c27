// The demo's planner setup (supabase/seed.sql) for the two Huế campaigns: the administrators read
// it through staff_planner, the sites count under the campaign's own units (districts on the 2021
// units, communes on the 2025 units), the published sessions after the notice carry the plan's
// machine and teams, and a plan made from the answer passes the independent checker.
import type { SupabaseClient } from '@supabase/supabase-js';
import { beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'zod/mini';
import { addDays, todayInVietnam } from '../../src/domain/dates.ts';
import { plan } from '../../src/domain/planner/plan.ts';
import { NOTICE_DAYS } from '../../src/domain/planner/rules.ts';
import { planInput } from '../../src/domain/planner/schema.ts';
import { inputFromStore, plannerAnswerSchema, savedPlanSchema, sessionsForStore, type PlannerAnswer, type StoredSession } from '../../src/domain/planner-store.ts';
import type { Database } from '../../src/lib/database.types.ts';
import { checkPlan } from '../support/plan-checker.ts';
import { answer } from './support/answers.ts';
import { officer } from './support/clients.ts';
import { sql } from './support/fixtures.ts';

type Client = SupabaseClient<Database>;

const demos = [
  { slug: 'thua-thien-hue-2021', unitSet: '2021', unitLevel: 2 },
  { slug: 'thanh-pho-hue-2026', unitSet: '2025', unitLevel: 3 },
] as const;
const answers = new Map<string, PlannerAnswer>();
const admins = new Map<string, Client>();

beforeAll(async () => {
  for (const demo of demos) {
    const admin = await officer('province_admin', '46', demo.unitSet);
    admins.set(demo.slug, admin);
    const [campaign] = await sql<{ id: number }>('select id from public.campaigns where slug = $1', [demo.slug]);
    answers.set(demo.slug, answer(plannerAnswerSchema, await admin.rpc('staff_planner', { p_campaign_id: campaign!.id })));
  }
});

describe.each(demos)('the demo planner setup of $slug', ({ slug, unitLevel }) => {
  test('has machines, three teams a site based at its police station, and places for every demo site', () => {
    const read = answers.get(slug)!;
    const configured = read.sites.filter((site) => site.configured);
    expect(configured.length).toBeGreaterThan(5);
    expect(read.machines.length).toBeGreaterThan(2);
    expect(read.teams).toHaveLength(configured.length * 3);
    for (const team of read.teams) expect(team.base_name).toMatch(/^Công an /);
    for (const site of configured) expect(site.places.some((places) => places > 0)).toBe(true);
    expect(read.units.every((unit) => unit.level === unitLevel && unit.quota !== null)).toBe(true);
    const codes = new Set(read.units.map((unit) => unit.code));
    expect(read.sites.every((site) => codes.has(site.unit_code))).toBe(true);
  });

  test('links the sessions published after the notice to the plan’s machine and teams', () => {
    const read = answers.get(slug)!;
    const after = read.published.filter((session) => session.published && session.date >= addDays(read.today, NOTICE_DAYS));
    expect(after.length).toBeGreaterThan(0);
    for (const session of after) {
      expect(session.machine_id).not.toBeNull();
      for (const shift of session.shifts) expect(shift.team_id).not.toBeNull();
    }
  });

  test('gives a plan the independent checker accepts, which saves and reads back as the draft', async () => {
    const read = answers.get(slug)!;
    const input = parse(planInput, inputFromStore(read, todayInVietnam()));
    const output = plan(input);
    expect(checkPlan(input, output).violations).toEqual([]);
    const stored = sessionsForStore(output.sessions, read.published);
    expect(stored.length).toBeGreaterThan(0);
    const admin = admins.get(slug)!;
    const campaignId = read.campaign.id;
    try {
      expect(answer(savedPlanSchema, await admin.rpc('staff_save_plan', { p_campaign_id: campaignId, p_sessions: stored }))).toEqual({ ok: true, saved: stored.length });
      const draft = answer(plannerAnswerSchema, await admin.rpc('staff_planner', { p_campaign_id: campaignId })).draft;
      const byDateAndSite = (a: StoredSession, b: StoredSession) => a.date.localeCompare(b.date) || a.site_id - b.site_id;
      expect(draft).toEqual([...stored].sort(byDateAndSite));
    } finally {
      // The demo keeps no draft: other tests read it as seeded.
      answer(savedPlanSchema, await admin.rpc('staff_save_plan', { p_campaign_id: campaignId, p_sessions: [] }));
    }
  });
});
