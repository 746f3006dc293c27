// The campaigns the citizen pages offer, read once per build (public.campaign_directory): the
// chooser's links are plain HTML, and the islands get the same list as a prop.
import { parse } from 'zod/mini';
import { campaignDirectoryAnswer, type DirectoryCampaign } from '../domain/campaign-directory.ts';
import { rpcOptions } from './get-reads.ts';
import { supabase } from './supabase.ts';

let directory: Promise<DirectoryCampaign[]> | undefined;

export function getCampaignDirectory(): Promise<DirectoryCampaign[]> {
  directory ??= (async () => {
    const { data, error } = await supabase.rpc('campaign_directory', {}, rpcOptions('campaign_directory'));
    if (error) throw new Error(`Could not read the campaign directory: ${error.message}`);
    return parse(campaignDirectoryAnswer, data).campaigns;
  })().catch((error: unknown) => {
    // Not kept: the dev server recovers once the database is up.
    directory = undefined;
    throw error;
  });
  return directory;
}
