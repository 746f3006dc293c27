// `npm run bench:plan`: plans Thừa Thiên Huế's 2021 campaign (quota, daily figure and dates from
// supabase/seed.sql, its 9 districts and 145 communes from ../shared/data, one site per commune,
// the demo's places per shift), checks the plan with the checker written apart from the planner
// (tests/support/plan-checker.ts), and prints its totals against the quota. Exits non-zero when
// the plan misses the quota, breaks a rule, or takes 10 s or more.
import { parseArgs } from 'node:util';
import { addDays } from '../src/domain/dates.ts';
import { plan } from '../src/domain/planner/plan.ts';
import { dayPlaces, NOTICE_DAYS, planningDays, sitePeople } from '../src/domain/planner/rules.ts';
import { checkPlan } from '../tests/support/plan-checker.ts';
import { seedCampaign, thuaThienHue2021 } from './support/plan-input.ts';

const { values: args } = parseArgs({ options: { machines: { type: 'string' } } });
if (args.machines !== undefined && !/^[0-9]{1,4}$/.test(args.machines)) {
  console.error('usage: node bench/plan.ts [--machines N]');
  process.exit(2);
}
const limitMs = 10_000;
const teamsPerMachine = 3; // one per shift: people rest (one shift a day each), machines don't
const number = (value: number) => value.toLocaleString('en-US');

const campaign = seedCampaign('thua-thien-hue-2021');
// Planned NOTICE_DAYS before the start, so that every day of the campaign may get sessions.
const today = addDays(campaign.startsOn, -NOTICE_DAYS);

// Machines: the session days the communes' people need at the demo's places (evening shifts only
// where a district's police is near), spread over the campaign's days, at the rate the seed asks
// (6,600 a day) or the quota needs over those days, whichever is higher.
// The probe has teams at every district's police, so that "near" is that of the plan.
const probe = thuaThienHue2021({ today, machines: 0, teams: 900 });
const days = planningDays(probe).length;
const people = sitePeople(probe);
const sessionDays = probe.sites.reduce((sum, site) => sum + Math.ceil((people.get(site.id) ?? 0) / dayPlaces(site, probe.teams)), 0);
const placesPerSessionDay = campaign.quota / sessionDays;
const rate = Math.max(campaign.dailyTarget ?? 0, Math.ceil(campaign.quota / days));
const machines = args.machines === undefined ? Math.ceil(rate / placesPerSessionDay) : Number(args.machines);
const input = thuaThienHue2021({ today, machines, teams: teamsPerMachine * machines });

const started = performance.now();
const output = plan(input);
const elapsed = performance.now() - started;
const check = checkPlan(input, output);

console.log(`Thừa Thiên Huế 2021: ${number(campaign.quota)} by ${campaign.deadline}, ${number(campaign.dailyTarget ?? 0)} a day (supabase/seed.sql)`);
console.log(`  ${input.units.length} districts, ${input.sites.length} communes (one site each), ${days} days from ${campaign.startsOn}`);
if ((campaign.dailyTarget ?? 0) * days < campaign.quota)
  console.log(`  ${number(campaign.dailyTarget ?? 0)} a day over ${days} days is ${number((campaign.dailyTarget ?? 0) * days)}, short of the quota: sized for ${number(rate)} a day`);
console.log(`  ${machines} machines${args.machines === undefined ? '' : ' (--machines)'} (${Math.round(placesPerSessionDay)} places a machine-day), ${input.teams.length} teams, ${input.teamShiftsPerDay} shift a day each`);
console.log(`plan: ${output.sessions.length} sessions, ${number(output.totals.planned)} places against ${number(output.totals.quota)} (${((100 * output.totals.planned) / output.totals.quota).toFixed(1)}%), last session ${output.sessions.at(-1)?.date ?? '-'}`);
console.log(`planned in ${(elapsed / 1000).toFixed(2)} s (limit ${limitMs / 1000} s); checker: ${check.violations.length === 0 ? 'no rule broken' : `${check.violations.length} broken`}`);
for (const violation of check.violations.slice(0, 20)) console.log(`  ${violation}`);
for (const missing of output.shortfall) console.log(`  missing: ${JSON.stringify(missing)}`);

const failed = !output.totals.met || check.total < campaign.quota || check.violations.length > 0 || elapsed >= limitMs;
if (failed) console.error('bench:plan FAILED');
process.exit(failed ? 1 : 0);
