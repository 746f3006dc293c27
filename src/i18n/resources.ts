// Every locale file, checked against its namespace schema as it loads: a bad or incomplete file
// stops the build and the tests with the file and key named, instead of showing a raw key.
import { z } from 'zod';
import type { Locale, NamespaceName } from './config.ts';
import { namespaceSchemas, type NamespaceResources } from './schema.ts';
import enBooking from './locales/en/booking.json';
import enCommon from './locales/en/common.json';
import enErrors from './locales/en/errors.json';
import enHome from './locales/en/home.json';
import viBooking from './locales/vi/booking.json';
import viCommon from './locales/vi/common.json';
import viErrors from './locales/vi/errors.json';
import viHome from './locales/vi/home.json';
import enSchedules from './locales/en/schedules.json';
import viSchedules from './locales/vi/schedules.json';
import enBook from './locales/en/book.json';
import viBook from './locales/vi/book.json';
import enManage from './locales/en/manage.json';
import viManage from './locales/vi/manage.json';
import enGuide from './locales/en/guide.json';
import viGuide from './locales/vi/guide.json';
import enFaq from './locales/en/faq.json';
import viFaq from './locales/vi/faq.json';
import enProgress from './locales/en/progress.json';
import viProgress from './locales/vi/progress.json';
import enQueue from './locales/en/queue.json';
import viQueue from './locales/vi/queue.json';
import enStaff from './locales/en/staff.json';
import viStaff from './locales/vi/staff.json';
import enStaffDay from './locales/en/staffDay.json';
import viStaffDay from './locales/vi/staffDay.json';
import enStaffNotice from './locales/en/staffNotice.json';
import viStaffNotice from './locales/vi/staffNotice.json';
import enOrganisations from './locales/en/organisations.json';
import viOrganisations from './locales/vi/organisations.json';
import enJoin from './locales/en/join.json';
import viJoin from './locales/vi/join.json';
import enStaffLinks from './locales/en/staffLinks.json';
import viStaffLinks from './locales/vi/staffLinks.json';
import enHomeVisit from './locales/en/homeVisit.json';
import viHomeVisit from './locales/vi/homeVisit.json';
import enStaffHomeVisits from './locales/en/staffHomeVisits.json';
import viStaffHomeVisits from './locales/vi/staffHomeVisits.json';
import enConsent from './locales/en/consent.json';
import viConsent from './locales/vi/consent.json';
import enStaffBook from './locales/en/staffBook.json';
import viStaffBook from './locales/vi/staffBook.json';
import enStaffCampaigns from './locales/en/staffCampaigns.json';
import viStaffCampaigns from './locales/vi/staffCampaigns.json';
import enMessages from './locales/en/messages.json';
import viMessages from './locales/vi/messages.json';
import enPrivacy from './locales/en/privacy.json';
import viPrivacy from './locales/vi/privacy.json';
import enAccessibility from './locales/en/accessibility.json';
import viAccessibility from './locales/vi/accessibility.json';
import enStaffAccounts from './locales/en/staffAccounts.json';
import viStaffAccounts from './locales/vi/staffAccounts.json';
import enStaffAudit from './locales/en/staffAudit.json';
import viStaffAudit from './locales/vi/staffAudit.json';
import enStaffPassword from './locales/en/staffPassword.json';
import viStaffPassword from './locales/vi/staffPassword.json';
import enPlanner from './locales/en/planner.json';
import viPlanner from './locales/vi/planner.json';
import enPlanView from './locales/en/planView.json';
import viPlanView from './locales/vi/planView.json';

export function parseNamespace<N extends NamespaceName>(
  locale: string,
  namespace: N,
  data: unknown,
): NamespaceResources[N] {
  const result = namespaceSchemas[namespace].safeParse(data);
  if (!result.success) {
    throw new Error(
      `Invalid translations in src/i18n/locales/${locale}/${namespace}.json:\n${z.prettifyError(result.error)}`,
    );
  }
  return result.data as NamespaceResources[N];
}

export const resources: Record<Locale, NamespaceResources> = {
  vi: {
    common: parseNamespace('vi', 'common', viCommon),
    home: parseNamespace('vi', 'home', viHome),
    booking: parseNamespace('vi', 'booking', viBooking),
    errors: parseNamespace('vi', 'errors', viErrors),
    schedules: parseNamespace('vi', 'schedules', viSchedules),
    book: parseNamespace('vi', 'book', viBook),
    manage: parseNamespace('vi', 'manage', viManage),
    guide: parseNamespace('vi', 'guide', viGuide),
    faq: parseNamespace('vi', 'faq', viFaq),
    progress: parseNamespace('vi', 'progress', viProgress),
    queue: parseNamespace('vi', 'queue', viQueue),
    staff: parseNamespace('vi', 'staff', viStaff),
    staffDay: parseNamespace('vi', 'staffDay', viStaffDay),
    staffNotice: parseNamespace('vi', 'staffNotice', viStaffNotice),
    organisations: parseNamespace('vi', 'organisations', viOrganisations),
    join: parseNamespace('vi', 'join', viJoin),
    staffLinks: parseNamespace('vi', 'staffLinks', viStaffLinks),
    homeVisit: parseNamespace('vi', 'homeVisit', viHomeVisit),
    staffHomeVisits: parseNamespace('vi', 'staffHomeVisits', viStaffHomeVisits),
    consent: parseNamespace('vi', 'consent', viConsent),
    staffBook: parseNamespace('vi', 'staffBook', viStaffBook),
    staffCampaigns: parseNamespace('vi', 'staffCampaigns', viStaffCampaigns),
    messages: parseNamespace('vi', 'messages', viMessages),
    privacy: parseNamespace('vi', 'privacy', viPrivacy),
    accessibility: parseNamespace('vi', 'accessibility', viAccessibility),
    staffAccounts: parseNamespace('vi', 'staffAccounts', viStaffAccounts),
    staffAudit: parseNamespace('vi', 'staffAudit', viStaffAudit),
    staffPassword: parseNamespace('vi', 'staffPassword', viStaffPassword),
    planner: parseNamespace('vi', 'planner', viPlanner),
    planView: parseNamespace('vi', 'planView', viPlanView),
  },
  en: {
    common: parseNamespace('en', 'common', enCommon),
    home: parseNamespace('en', 'home', enHome),
    booking: parseNamespace('en', 'booking', enBooking),
    errors: parseNamespace('en', 'errors', enErrors),
    schedules: parseNamespace('en', 'schedules', enSchedules),
    book: parseNamespace('en', 'book', enBook),
    manage: parseNamespace('en', 'manage', enManage),
    guide: parseNamespace('en', 'guide', enGuide),
    faq: parseNamespace('en', 'faq', enFaq),
    progress: parseNamespace('en', 'progress', enProgress),
    queue: parseNamespace('en', 'queue', enQueue),
    staff: parseNamespace('en', 'staff', enStaff),
    staffDay: parseNamespace('en', 'staffDay', enStaffDay),
    staffNotice: parseNamespace('en', 'staffNotice', enStaffNotice),
    organisations: parseNamespace('en', 'organisations', enOrganisations),
    join: parseNamespace('en', 'join', enJoin),
    staffLinks: parseNamespace('en', 'staffLinks', enStaffLinks),
    homeVisit: parseNamespace('en', 'homeVisit', enHomeVisit),
    staffHomeVisits: parseNamespace('en', 'staffHomeVisits', enStaffHomeVisits),
    consent: parseNamespace('en', 'consent', enConsent),
    staffBook: parseNamespace('en', 'staffBook', enStaffBook),
    staffCampaigns: parseNamespace('en', 'staffCampaigns', enStaffCampaigns),
    messages: parseNamespace('en', 'messages', enMessages),
    privacy: parseNamespace('en', 'privacy', enPrivacy),
    accessibility: parseNamespace('en', 'accessibility', enAccessibility),
    staffAccounts: parseNamespace('en', 'staffAccounts', enStaffAccounts),
    staffAudit: parseNamespace('en', 'staffAudit', enStaffAudit),
    staffPassword: parseNamespace('en', 'staffPassword', enStaffPassword),
    planner: parseNamespace('en', 'planner', enPlanner),
    planView: parseNamespace('en', 'planView', enPlanView),
  },
};
