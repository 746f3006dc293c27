// The planner page's calls to the database, through the officer's session: everything the page
// shows (staff_planner), the setup, the draft, and publishing. The schemas are planner-store's.
import {
  planSetupAnswer, planSaveAnswer, planPublishAnswer, staffPlannerAnswer, sessionsForStore,
  type PlanSetupPayload, type StaffPlanner,
} from '../../../domain/planner-store.ts';
import type { PlannedSession } from '../../../domain/planner/schema.ts';
import { supabase } from '../../../lib/supabase.ts';
import { staffRpc } from '../calls.ts';

export type { StaffPlanner };

export const loadPlanner = (campaignId: number) => staffRpc('staff_planner', { p_campaign_id: campaignId }, staffPlannerAnswer);

export const saveSetup = (campaignId: number, setup: PlanSetupPayload) =>
  staffRpc('staff_save_plan_setup', { p_campaign_id: campaignId, p_setup: setup }, planSetupAnswer);

/** Saves the draft: every session of the plan not yet published, with its lock. */
export const saveDraft = (campaignId: number, sessions: readonly PlannedSession[]) =>
  staffRpc('staff_save_plan', { p_campaign_id: campaignId, p_sessions: sessionsForStore(sessions) }, planSaveAnswer);

export const publishDraft = (campaignId: number) => staffRpc('staff_publish_plan', { p_campaign_id: campaignId }, planPublishAnswer);

/** The codes of the sites' wards, for the links to the commune notices (`?ward=CODE`); empty when the read fails. */
export async function loadWardCodes(wardIds: readonly number[]): Promise<Map<number, string>> {
  const { data, error } = await supabase.from('admin_units').select('id, code').in('id', [...new Set(wardIds)]);
  return new Map(error ? [] : data.map((unit) => [unit.id, unit.code]));
}
