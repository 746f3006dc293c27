// A campaign as a province administrator sets it up in the console (staff_save_campaign in
// supabase/schemas/17_campaign_admin.sql): the form as typed, its problems, the payload sent and
// the answer. The same rules as the database's, so the form names a problem before sending.
import { int, iso, literal, maxLength, parse, minLength, nullable, object, optional, positive, regex, strictObject, string, type output } from 'zod/mini';
import { isIsoDate } from './dates.ts';
import { shiftPlanSchema, shiftProblems, type ShiftPlan } from './staff-sessions.ts';

/** The campaign row the console reads and edits. */
export const adminCampaignSchema = object({
  id: int(),
  slug: string(),
  unit_set: string(),
  name_vi: string(),
  name_en: string(),
  quota: int(),
  daily_target: nullable(int()),
  starts_on: string(),
  deadline: string(),
  source: string(),
  min_age: int(),
  shift_plan: shiftPlanSchema,
});
export type AdminCampaign = output<typeof adminCampaignSchema>;

/** The columns of adminCampaignSchema, as PostgREST selects them. */
export const adminCampaignColumns = 'id, slug, unit_set, name_vi, name_en, quota, daily_target, starts_on, deadline, source, min_age, shift_plan';

/** staff_save_campaign's answer: the campaign, its slug and the youngest age the law gave it. */
export const savedCampaignSchema = strictObject({
  ok: literal(true),
  campaign_id: int(),
  slug: string(),
  min_age: int(),
});

/** What staff_save_campaign takes (p_campaign): the database's rules, checked again there. */
export const campaignPayloadSchema = strictObject({
  id: optional(int()),
  slug: string().check(regex(/^[a-z0-9-]{3,60}$/)),
  unit_set: string().check(regex(/^[0-9]{4}$/)),
  name_vi: string().check(minLength(3), maxLength(200)),
  name_en: string().check(minLength(3), maxLength(200)),
  quota: int().check(positive()),
  daily_target: nullable(int().check(positive())),
  starts_on: iso.date(),
  deadline: iso.date(),
  source: string().check(minLength(3), maxLength(300)),
  shift_plan: shiftPlanSchema.check(minLength(1), maxLength(6)),
});
export type CampaignPayload = output<typeof campaignPayloadSchema>;

/** The form as typed: strings, as the inputs hold them. */
export interface CampaignDraft {
  id: number | null;
  slug: string;
  nameVi: string;
  nameEn: string;
  quota: string;
  dailyTarget: string;
  startsOn: string;
  deadline: string;
  source: string;
  shifts: Array<{ start: string; end: string; capacity: string }>;
}

export function draftOf(campaign: AdminCampaign): CampaignDraft {
  return {
    id: campaign.id,
    slug: campaign.slug,
    nameVi: campaign.name_vi,
    nameEn: campaign.name_en,
    quota: String(campaign.quota),
    dailyTarget: campaign.daily_target === null ? '' : String(campaign.daily_target),
    startsOn: campaign.starts_on,
    deadline: campaign.deadline,
    source: campaign.source,
    shifts: campaign.shift_plan.map((s) => ({ start: s.start, end: s.end, capacity: String(s.capacity) })),
  };
}

/** A new campaign's form: the given shift plan (the seeds' three shifts), the rest to type. */
export function emptyDraft(plan: readonly ShiftPlan[], today: string): CampaignDraft {
  return {
    id: null,
    slug: '',
    nameVi: '',
    nameEn: '',
    quota: '',
    dailyTarget: '',
    startsOn: today,
    deadline: '',
    source: '',
    shifts: plan.map((s) => ({ start: s.start, end: s.end, capacity: String(s.capacity) })),
  };
}

/** A problem of the form: the field it is about and the key of its text, with its values. */
export interface CampaignProblem {
  field: string;
  key: string;
  values?: Record<string, number>;
}

const whole = (text: string) => (/^[0-9]{1,9}$/.test(text.trim()) ? Number(text.trim()) : null);
const length = (text: string, min: number, max: number) => text.trim().length >= min && text.trim().length <= max;

/** Every problem of the form, in the order of its fields; empty when it can be sent. */
export function campaignProblems(draft: CampaignDraft): CampaignProblem[] {
  const problems: CampaignProblem[] = [];
  if (!/^[a-z0-9-]{3,60}$/.test(draft.slug)) problems.push({ field: 'slug', key: 'staffCampaigns:error.slug' });
  if (!length(draft.nameVi, 3, 200)) problems.push({ field: 'name-vi', key: 'staffCampaigns:error.name' });
  if (!length(draft.nameEn, 3, 200)) problems.push({ field: 'name-en', key: 'staffCampaigns:error.name' });
  const quota = whole(draft.quota);
  if (quota === null || quota < 1) problems.push({ field: 'quota', key: 'staffCampaigns:error.quota' });
  if (draft.dailyTarget.trim() !== '') {
    const target = whole(draft.dailyTarget);
    if (target === null || target < 1 || (quota !== null && target > quota)) problems.push({ field: 'daily-target', key: 'staffCampaigns:error.dailyTarget' });
  }
  if (!isIsoDate(draft.startsOn)) problems.push({ field: 'starts-on', key: 'staffCampaigns:error.date' });
  if (!isIsoDate(draft.deadline)) problems.push({ field: 'deadline', key: 'staffCampaigns:error.date' });
  else if (isIsoDate(draft.startsOn) && draft.deadline < draft.startsOn) problems.push({ field: 'deadline', key: 'staffCampaigns:error.deadline' });
  if (!length(draft.source, 3, 300)) problems.push({ field: 'source', key: 'staffCampaigns:error.source' });
  for (const { index, problem } of shiftProblems(planOf(draft))) problems.push({ field: `shift-${index}-${problem === 'shift.capacity' ? 'capacity' : 'start'}`, key: `staff:${problem}`, values: { number: index + 1 } });
  if (draft.shifts.length === 0) problems.push({ field: 'shifts', key: 'staffCampaigns:error.noShift' });
  return problems;
}

function planOf(draft: CampaignDraft): ShiftPlan[] {
  return draft.shifts.map((s) => ({ start: s.start, end: s.end, capacity: Number(s.capacity.trim() || NaN) }));
}

/** The payload of a form without problems. */
export function campaignPayload(draft: CampaignDraft, unitSet: string): CampaignPayload {
  return parse(campaignPayloadSchema, {
    ...(draft.id === null ? {} : { id: draft.id }),
    slug: draft.slug,
    unit_set: unitSet,
    name_vi: draft.nameVi.trim(),
    name_en: draft.nameEn.trim(),
    quota: Number(draft.quota.trim()),
    daily_target: draft.dailyTarget.trim() === '' ? null : Number(draft.dailyTarget.trim()),
    starts_on: draft.startsOn,
    deadline: draft.deadline,
    source: draft.source.trim(),
    shift_plan: planOf(draft),
  });
}
