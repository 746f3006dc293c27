// What the campaigns page reads for a province administrator: the campaigns of their province and
// set, the units directly under the province (who get quotas) and a campaign's unit quotas.
import { array, parse } from 'zod/mini';
import { adminCampaignColumns, adminCampaignSchema, type AdminCampaign } from '../../../domain/campaign-admin.ts';
import type { SavedQuota } from '../../../domain/unit-quotas.ts';
import { supabase } from '../../../lib/supabase.ts';
import type { StaffMember } from '../use-staff.ts';

export interface QuotaUnit {
  id: number;
  code: string;
  name: string;
  name_en: string | null;
}

export async function loadCampaigns(province: StaffMember['unit']): Promise<AdminCampaign[]> {
  const { data, error } = await supabase
    .from('campaigns')
    .select(adminCampaignColumns)
    .eq('province_id', province.id)
    .eq('unit_set', province.unit_set)
    .order('starts_on', { ascending: false });
  if (error) throw error;
  return parse(array(adminCampaignSchema), data);
}

export async function loadQuotaUnits(province: StaffMember['unit']): Promise<QuotaUnit[]> {
  const { data, error } = await supabase.from('admin_units').select('id, code, name, name_en').eq('parent_id', province.id).order('code');
  if (error) throw error;
  return data;
}

/** A campaign's quotas and survey figures by unit code. */
export async function loadQuotas(campaignId: number, units: readonly QuotaUnit[]): Promise<Map<string, SavedQuota>> {
  const { data, error } = await supabase.from('unit_quotas').select('unit_id, quota, people_to_take_in').eq('campaign_id', campaignId);
  if (error) throw error;
  const codes = new Map(units.map((u) => [u.id, u.code]));
  return new Map(
    data.flatMap((row) => (codes.has(row.unit_id) ? [[codes.get(row.unit_id)!, { quota: row.quota, people: row.people_to_take_in }] as const] : [])),
  );
}
