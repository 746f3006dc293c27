// What the commune notice reads: the ward and the units above it, the ward's published sessions
// through the public search_sessions (the data citizens see), and the names of their campaigns.
import { noticeCampaignIds, noticeDays, noticeSearchArgs, type NoticeDay } from '../../../domain/notice.ts';
import { sortByName } from '../../../domain/schedules.ts';
import { supabase } from '../../../lib/supabase.ts';

// The set the schedules page and search_sessions use (its default): the QR code's page must find
// the same ward.
const unitSet = '2021';

export interface NoticeWard {
  code: string;
  name: string;
  /** Null in a set without districts (2025). */
  district: string | null;
  province: string;
}

export interface WardChoice {
  code: string;
  name: string;
}

/** The codes of the wards of the officer's scope (loadScope gives ids and names), by name. */
export async function loadWardChoices(wardIds: number[]): Promise<WardChoice[]> {
  if (wardIds.length === 0) return [];
  const { data, error } = await supabase.from('admin_units').select('code, name').in('id', wardIds).eq('unit_set', unitSet);
  if (error) throw error;
  return sortByName(data);
}

/** A ward and the names above it in one request (parent_id embeds the parent), or null if unknown. */
export async function loadWard(code: string): Promise<NoticeWard | null> {
  const { data, error } = await supabase
    .from('admin_units')
    .select('code, name, parent:parent_id(name, level, parent:parent_id(name))')
    .eq('unit_set', unitSet)
    .eq('level', 3)
    .eq('code', code)
    .maybeSingle();
  if (error) throw error;
  if (!data?.parent) return null;
  const { parent } = data;
  if (parent.level === 1) return { code: data.code, name: data.name, district: null, province: parent.name };
  return { code: data.code, name: data.name, district: parent.name, province: parent.parent?.name ?? '' };
}

export interface NoticeData {
  days: NoticeDay[];
  campaigns: { id: number; name_vi: string; name_en: string }[];
}

export async function loadNotice(code: string, range: { from: string; to: string }): Promise<NoticeData> {
  const { data, error } = await supabase.rpc('search_sessions', noticeSearchArgs(code, range));
  if (error) throw error;
  const days = noticeDays(data);
  const ids = noticeCampaignIds(days);
  if (ids.length === 0) return { days, campaigns: [] };
  const campaigns = await supabase.from('campaigns').select('id, name_vi, name_en').in('id', ids);
  if (campaigns.error) throw campaigns.error;
  return { days, campaigns: campaigns.data };
}
