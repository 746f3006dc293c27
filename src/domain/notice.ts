// The printable commune notice: which sessions it lists, in what order, and the address its QR
// code opens. It lists exactly what that address shows a citizen (search_sessions over the
// schedules page's default three weeks), so the paper and the phone never disagree.
import type { Locale } from '../i18n/config.ts';
import { localizedPath } from '../i18n/paths.ts';
import { groupByDate, readSession, sortSessions, type SessionResult, type SessionRow } from './schedules.ts';

const wardCodePattern = /^[0-9]{5}$/;

/** A ward code from the address (`?ward=19786`), or null when absent or malformed. */
export function readWardCode(value: string | null | undefined): string | null {
  const code = value?.trim() ?? '';
  return wardCodePattern.test(code) ? code : null;
}

/**
 * The search_sessions arguments of a ward's notice over a date range (the schedules page's
 * default), in the ward's unit set (ward codes repeat across sets); the others keep the function's
 * defaults, as the schedules page's search does.
 */
export function noticeSearchArgs(
  wardCode: string,
  range: { from: string; to: string },
  unitSet: string,
): { p_ward: string; p_from: string; p_to: string; p_unit_set: string } {
  return { p_ward: wardCode, p_from: range.from, p_to: range.to, p_unit_set: unitSet };
}

/**
 * The absolute schedules address of a ward, for the QR code and to be typed from paper: the
 * campaign by its slug (which says the unit set the ward code is read in; without one the ward is
 * read in the 2021 set), then the ward. Without dates, so a notice posted for weeks keeps opening
 * the coming three weeks. Written out rather than through search-filters.ts's filtersToQuery, whose zod
 * schemas would cost the page 7 KB; the unit test checks that filtersFromQuery reads it back.
 */
export function wardSchedulesUrl(origin: string, locale: Locale, wardCode: string, campaignSlug: string | null): string {
  const params = new URLSearchParams(campaignSlug ? { campaign: campaignSlug, ward: wardCode } : { ward: wardCode });
  return new URL(localizedPath(locale, `schedules/?${params}`), origin).href;
}

export interface NoticeDay {
  date: string;
  sessions: SessionResult[];
}

/** The sessions of the notice under one block per date, by date then site name. */
export function noticeDays(rows: readonly SessionRow[]): NoticeDay[] {
  return groupByDate(sortSessions(rows.map(readSession), 'date'));
}

/** The campaigns the listed sessions belong to, each once, in order of appearance. */
export function noticeCampaignIds(days: readonly NoticeDay[]): number[] {
  return [...new Set(days.flatMap((day) => day.sessions.map((session) => session.campaign_id)))];
}

/** A site the notice lists, with what a reader needs to get there. */
export type NoticeSite = Pick<SessionResult, 'site_id' | 'site_name' | 'address' | 'access_notes'>;

/**
 * Each site of the notice once, in the order it first appears: the sheet says where each one is
 * once and its table of days only names it, so three weeks of sessions fit one A4 sheet.
 */
export function noticeSites(days: readonly NoticeDay[]): NoticeSite[] {
  const sites = new Map<number, NoticeSite>();
  for (const session of days.flatMap((day) => day.sessions)) {
    if (!sites.has(session.site_id)) sites.set(session.site_id, { site_id: session.site_id, site_name: session.site_name, address: session.address, access_notes: session.access_notes });
  }
  return [...sites.values()];
}
