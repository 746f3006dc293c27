// The planner page's calls to the database, through the officer's session: everything the page
// shows (staff_planner), the setup, the draft, and publishing. The schemas are planner-store's.
import {
  plannerAnswerSchema, publishedPlanSchema, savedPlanSchema, savedPlanSetupSchema, sessionsForStore,
  type PlannerAnswer, type PlanSetupPayload,
} from '../../../domain/planner-store.ts';
import type { PlannedSession } from '../../../domain/planner/schema.ts';
import { supabase } from '../../../lib/supabase.ts';
import { staffRpc } from '../calls.ts';


export const loadPlanner = (campaignId: number) => staffRpc('staff_planner', { p_campaign_id: campaignId }, plannerAnswerSchema);

export const saveSetup = (campaignId: number, setup: PlanSetupPayload) =>
  staffRpc('staff_save_plan_setup', { p_campaign_id: campaignId, p_setup: setup }, savedPlanSetupSchema);

/** Saves the draft: every session of the plan not yet published, with its lock. */
export const saveDraft = (answer: PlannerAnswer, sessions: readonly PlannedSession[]) =>
  staffRpc('staff_save_plan', { p_campaign_id: answer.campaign.id, p_sessions: sessionsForStore(sessions, answer.published) }, savedPlanSchema);

export const publishDraft = (campaignId: number) => staffRpc('staff_publish_plan', { p_campaign_id: campaignId }, publishedPlanSchema);

/** The codes of the sites' wards, for the links to the commune notices (`?ward=CODE`); empty when the read fails. */
export async function loadWardCodes(wardIds: readonly number[]): Promise<Map<number, string>> {
  const { data, error } = await supabase.from('admin_units').select('id, code').in('id', [...new Set(wardIds)]);
  return new Map(error ? [] : data.map((unit) => [unit.id, unit.code]));
}
