// Campaign data the public pages show, read through the anon client.
import { parseCampaignProgress, type CampaignProgress } from '../domain/progress.ts';
import type { Database } from './database.types.ts';
import { featuredCampaignSlug } from './page-campaign.ts';
import { rpcOptions } from './get-reads.ts';
import { supabase, supabaseUrl } from './supabase.ts';

const columns =
  'id, slug, province_id, unit_set, demonstration, name_vi, name_en, quota, daily_target, starts_on, deadline, source, province:admin_units!campaigns_province_id_fkey(name, name_en, code, unit_set)';

/**
 * One readable line from a supabase-js error. On a network failure its details hold the cause
 * ("connect ECONNREFUSED") followed by a stack trace, which would bury the cause: keep that line only.
 */
function describeError(error: { message: string; details: string; hint: string; code: string }, status: number): string {
  const cause = /^Caused by: (.*)$/m.exec(error.details)?.[1];
  const parts = [error.code ? `${error.message} (${error.code})` : error.message];
  if (cause) parts.push(cause);
  if (error.hint) parts.push(`hint: ${error.hint}`);
  if (status === 0) parts.push('is the local stack running (`npm run dev`)?');
  return parts.join('; ');
}

type CampaignRow = Database['public']['Tables']['campaigns']['Row'];
export type Campaign = Omit<CampaignRow, 'min_age' | 'max_active_per_phone' | 'shift_plan'> & {
  province: { name: string; name_en: string | null; code: string; unit_set: string };
};

async function fetchCampaign(slug: string): Promise<Campaign> {
  const fail = (reason: string) => new Error(`Could not read the campaign from Supabase at ${supabaseUrl}: ${reason}`);
  const { data, error, status } = await supabase.from('campaigns').select(columns).eq('slug', slug).maybeSingle();
  if (error) throw fail(describeError(error, status));
  if (!data) throw fail(`no campaign with slug "${slug}" (is the seed loaded? is PUBLIC_FEATURED_CAMPAIGN right?)`);
  if (!data.province) throw fail(`campaign "${slug}" has no province`);
  return { ...data, province: data.province };
}

/** Every campaign, by its Vietnamese name: the progress page holds each one's figures. */
export async function listCampaigns(): Promise<Campaign[]> {
  const { data, error, status } = await supabase.from('campaigns').select(columns).order('name_vi');
  if (error) throw new Error(`Could not read the campaigns from Supabase at ${supabaseUrl}: ${describeError(error, status)}`);
  return data.flatMap(({ province, ...campaign }) => (province ? [{ ...campaign, province }] : []));
}

// Both locales' home pages render in one build and share one request. A failure is not kept, so
// the dev server recovers once the database is up.
let featured: Promise<Campaign> | undefined;

/** The campaign named by PUBLIC_FEATURED_CAMPAIGN, or the Thừa Thiên Huế 2021 campaign. */
export function getFeaturedCampaign(): Promise<Campaign> {
  featured ??= fetchCampaign(featuredCampaignSlug).catch((error: unknown) => {
    featured = undefined;
    throw error;
  });
  return featured;
}

// The home and progress pages of both locales show the same figures: one read per build. The dev
// server reads afresh each time, so a changed figure shows on reload there.
const progressBySlug = new Map<string, Promise<CampaignProgress>>();

async function fetchCampaignProgress(slug: string): Promise<CampaignProgress> {
  const { data, error } = await supabase.rpc('campaign_progress', { p_slug: slug }, rpcOptions('campaign_progress'));
  if (error) throw new Error(`Could not read the progress of campaign "${slug}": ${error.message}`);
  return parseCampaignProgress(data);
}

/** A campaign's figures from public.campaign_progress, read when the site is built. */
export function getCampaignProgress(slug: string): Promise<CampaignProgress> {
  if (import.meta.env.DEV) return fetchCampaignProgress(slug);
  let progress = progressBySlug.get(slug);
  if (!progress) {
    progress = fetchCampaignProgress(slug).catch((error: unknown) => {
      progressBySlug.delete(slug);
      throw error;
    });
    progressBySlug.set(slug, progress);
  }
  return progress;
}
