// What the commune notice reads, in the officer's unit set (ward codes repeat across sets): the ward
// and the units above it, the campaign its QR code opens, the ward's published sessions through the
// public search_sessions (the data citizens see), and the names of their campaigns.
import { noticeCampaignIds, noticeDays, noticeSearchArgs, type NoticeDay } from '../../../domain/notice.ts';
import { sortByName } from '../../../domain/vietnamese-order.ts';
import { campaignFor } from '../../../domain/campaign-dates.ts';
import { rpcOptions } from '../../../lib/get-reads.ts';
import { supabase } from '../../../lib/supabase.ts';

export interface NoticeWard {
  code: string;
  name: string;
  /** Null in a set without districts (2025). */
  district: string | null;
  province: string;
  /** The slug of the province's campaign running on the day (else the next, else the last), or null. */
  campaignSlug: string | null;
  /** That campaign's figures are made up (campaigns.demonstration): the sheet says so. */
  demonstration: boolean;
}

export interface WardChoice {
  code: string;
  name: string;
}

/** The codes of the wards of the officer's scope (loadScope gives ids, of the officer's set, and names), by name. */
export async function loadWardChoices(wardIds: number[]): Promise<WardChoice[]> {
  if (wardIds.length === 0) return [];
  const { data, error } = await supabase.from('admin_units').select('code, name').in('id', wardIds);
  if (error) throw error;
  return sortByName(data);
}

/** The campaign of a province a notice printed on `today` points to. */
async function loadCampaign(provinceId: number, today: string): Promise<Pick<NoticeWard, 'campaignSlug' | 'demonstration'>> {
  const { data, error } = await supabase.from('campaigns').select('id, slug, starts_on, deadline, demonstration').eq('province_id', provinceId);
  if (error) throw error;
  const campaign = campaignFor(data, today);
  return { campaignSlug: campaign?.slug ?? null, demonstration: campaign?.demonstration ?? false };
}

/** A ward of the set and the names above it (parent_id embeds the parent), or null if unknown. */
export async function loadWard(code: string, unitSet: string, today: string): Promise<NoticeWard | null> {
  const { data, error } = await supabase
    .from('admin_units')
    .select('code, name, parent:parent_id(id, name, level, parent:parent_id(id, name))')
    .eq('unit_set', unitSet)
    .eq('level', 3)
    .eq('code', code)
    .maybeSingle();
  if (error) throw error;
  if (!data?.parent) return null;
  const { parent } = data;
  const [district, province] = parent.level === 1 ? [null, parent] : [parent.name, parent.parent];
  if (!province) return null;
  return { code: data.code, name: data.name, district, province: province.name, ...(await loadCampaign(province.id, today)) };
}

export interface NoticeData {
  days: NoticeDay[];
  campaigns: { id: number; name_vi: string; name_en: string; demonstration: boolean }[];
}

export async function loadNotice(code: string, range: { from: string; to: string }, unitSet: string): Promise<NoticeData> {
  const { data, error } = await supabase.rpc('search_sessions', noticeSearchArgs(code, range, unitSet), rpcOptions('search_sessions'));
  if (error) throw error;
  const days = noticeDays(data);
  const ids = noticeCampaignIds(days);
  if (ids.length === 0) return { days, campaigns: [] };
  const campaigns = await supabase.from('campaigns').select('id, name_vi, name_en, demonstration').in('id', ids);
  if (campaigns.error) throw campaigns.error;
  return { days, campaigns: campaigns.data };
}
