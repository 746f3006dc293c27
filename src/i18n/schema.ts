// One zod schema per namespace: the list of keys every locale file must have, each with a note
// for translators. Keys are flat `area.purpose` strings (i18next runs with keySeparator: false).
import { z } from 'zod';
import type { RefusalCode } from '../domain/errors.ts';
import type { NamespaceName } from './config.ts';
import { schedulesSchema } from './namespaces/schedules.ts';
import { bookSchema } from './namespaces/book.ts';
import { manageSchema } from './namespaces/manage.ts';
import { guideSchema } from './namespaces/guide.ts';
import { faqSchema } from './namespaces/faq.ts';
import { progressSchema } from './namespaces/progress.ts';
import { queueSchema } from './namespaces/queue.ts';
import { staffSchema } from './namespaces/staff.ts';
import { staffDaySchema } from './namespaces/staffDay.ts';
import { staffNoticeSchema } from './namespaces/staffNotice.ts';
import { organisationsSchema } from './namespaces/organisations.ts';
import { joinSchema } from './namespaces/join.ts';
import { staffLinksSchema } from './namespaces/staffLinks.ts';
import { homeVisitSchema } from './namespaces/homeVisit.ts';
import { staffHomeVisitsSchema } from './namespaces/staffHomeVisits.ts';
import { consentSchema } from './namespaces/consent.ts';
import { staffBookSchema } from './namespaces/staffBook.ts';
import { staffCampaignsSchema } from './namespaces/staffCampaigns.ts';
import { messagesSchema } from './namespaces/messages.ts';
import { privacySchema } from './namespaces/privacy.ts';
import { accessibilitySchema } from './namespaces/accessibility.ts';
import { staffAccountsSchema } from './namespaces/staffAccounts.ts';
import { staffAuditSchema } from './namespaces/staffAudit.ts';
import { staffPasswordSchema } from './namespaces/staffPassword.ts';
import { plannerSchema } from './namespaces/planner.ts';
import { planViewSchema } from './namespaces/planView.ts';

import { text } from './namespaces/text.ts';

/**
 * A plural key is stored once per plural category of the locale, as i18next expects: Vietnamese
 * has only `_other`, English `_one` and `_other`. The schema cannot know the locale's categories,
 * so `_one` is optional here and `findPluralFormProblems` (check.ts) checks each locale exactly.
 */
function plural<K extends string>(key: K, description: string) {
  return {
    [`${key}_one`]: text(`${description} (singular, English only)`).optional(),
    [`${key}_other`]: text(description),
  } as { [P in `${K}_one`]: z.ZodOptional<z.ZodString> } & { [P in `${K}_other`]: z.ZodString };
}

export const commonSchema = z.strictObject({
  'site.name': text('Name of the website, in the header and after every page title'),
  'app.shortName': text('Name under the site\'s icon on a phone\'s home screen: 12 characters at most'),
  'app.description': text('What the site added to a phone\'s home screen is for (web app manifest)'),
  'meta.pageTitle': text('Browser tab title of an inner page; {{page}} is its title, {{site}} the site name'),
  'skipLink.label': text('Link at the very top that jumps over the header to the main content'),
  'nav.label': text('Accessible name of the main navigation'),
  'nav.schedules': text('Main navigation: the page listing intake sessions'),
  'nav.booking': text('Main navigation: look up, show or cancel a booking'),
  'nav.guide': text('Main navigation: how to prepare for the visit'),
  'nav.faq': text('Main navigation: questions and answers'),
  'languageSwitcher.label': text('Accessible name of the language switcher'),
  'language.name': text('Name of this language written in itself, shown in the other language’s switcher'),
  'footer.about': text('Footer: one sentence on what the site is for'),
  'footer.disclaimer': text('Footer: who takes applications and that the site never asks for money'),
  'notFound.title': text('Heading and title of the page-not-found page'),
  'notFound.body': text('Page-not-found: what happened and what to do'),
  'notFound.homeLink': text('Page-not-found: link back to the home page'),
  'form.errorPrefix': text('Hidden word screen readers announce before the error message at a form field, like "Error:"'),
  'form.errorTitle': text('Heading of the error summary above a form, like "There is a problem"'),
  'demonstration.label': text('Bold start of the note beside the figures of a campaign made up for the demonstration'),
  'demonstration.note': text('That note: the campaign\'s figures are made up to show the site, not real'),
  'messages.heading': text('Heading of the part of a form (booking, sign-up, home visit) asking whether to send messages'),
  'messages.label': text('The box, unticked: send text messages about this to the phone above (confirmation, reminder, changes)'),
  'messages.hint': text('Under the box: how they come (SMS or Zalo, in this page\'s language) and that each has a link to stop them'),
  'messages.email': text('Label of the optional e-mail box shown once the box is ticked'),
  'messages.emailHint': text('Hint of the e-mail box: the same messages go there too; leave it empty for none'),
  'messages.emailInvalid': text('Error: the e-mail address is not one, e.g. ten@vi-du.vn; or leave it empty'),
  'stop.title': text('Title and heading of the page that stops messages (opened from a message\'s link)'),
  'stop.description': text('Description of the stop page'),
  'stop.lead': text('What the button does: no more messages to the phone that got this one'),
  'stop.button': text('Button: stop the messages'),
  'stop.working': text('While the request is sent'),
  'stop.done': text('Done: no more messages to {{phone}} (masked) for what was asked so far'),
  'stop.again': text('After stopping: ticking the box on a new booking or request starts messages again'),
  'stop.notFound': text('The link is cut short, unknown or has no token: open the whole link from the message'),
  'stop.network': text('The request did not get through: try again'),
});

export const homeSchema = z.strictObject({
  'meta.description': text('Search-result description of the home page'),
  'hero.title': text('Main heading of the home page'),
  'hero.lead': text('Paragraph under the main heading: mobile teams come close to people'),
  'actions.heading': text('Heading above the three calls to action'),
  'actions.schedules': text('Call to action: find an intake session and book a place'),
  'actions.schedulesHint': text('One sentence under the find-a-session link'),
  'actions.homeVisit': text('Call to action: ask officers to come to someone who cannot travel'),
  'actions.homeVisitHint': text('One sentence under the home-visit link: who it is for'),
  'actions.organisations': text('Call to action for schools, agencies and enterprises'),
  'actions.organisationsHint': text('One sentence under the organisations link'),
  'campaigns.heading': text('Heading above the list of the campaigns running, each a link to its sessions'),
  'campaigns.intro': text('Under the campaigns heading: campaigns on the old units (before 1 July 2025) and on today’s units run side by side; choose yours to see its sessions'),
  'about.heading': text('Heading of the section explaining the campaign'),
  'about.body': text('What the campaign is and why mobile teams come to people'),
  'about.goal': text('National goal of the campaign, with the decision it comes from'),
  'campaign.heading': text('Heading above the figures of the featured provincial campaign'),
  'campaign.province': text('Label: the province of the campaign'),
  'campaign.quota': text('Label: number of applications the province must take'),
  ...plural('campaign.quotaValue', 'Quota value; {{quota}} is the formatted number, count the raw number'),
  'campaign.dailyTarget': text('Label: applications needed per day on average'),
  ...plural('campaign.dailyTargetValue', 'Daily target value; {{target}} is the formatted number'),
  'campaign.deadline': text('Label: date by which the quota must be reached'),
  'campaign.source': text('Label: the directive or article the figures come from'),
  'about.why': text('Why the card matters to the reader: what it is used for'),
  'eligibility.heading': text('Heading: who must apply for a card (the rules come from the guide namespace)'),
  'eligibility.guideLink': text('Link to the guide and its eligibility checker'),
  'progress.heading': text('Heading of the progress of the featured campaign against its quota'),
  'progress.asOf': text('Date the figures were read: {{date}}'),
  'progress.barLabel': text('Label of the progress bar: share of the quota reached'),
  'progress.intake': text('Label: applications taken so far'),
  ...plural('progress.intakeValue', 'Applications taken so far; {{value}} is the formatted number of {{total}}, the quota'),
  'progress.percent': text('Share of the quota reached; {{percent}} is formatted with its % sign'),
  'progress.daysLeft': text('Label: days left until the deadline'),
  ...plural('progress.daysLeftValue', 'Days left; {{value}} is the formatted number'),
  'progress.rateNeeded': text('Label: applications needed per day from now to reach the quota'),
  ...plural('progress.rateNeededValue', 'Applications a day needed; {{value}} is the formatted number'),
  'progress.ended': text('Instead of the days left: the deadline has passed'),
  'progress.link': text('Link to the progress page with the figures by district'),
});

/**
 * Messages of the booking, look-up and search forms: the zod schemas in src/domain/booking.ts use
 * these keys as their messages. Each says how to fix the field (GOV.UK style), not what is wrong.
 */
export const bookingSchema = z.strictObject({
  'fullName.required': text('Full name left empty: ask for the name as on the birth certificate'),
  'fullName.tooShort': text('Full name shorter than 2 characters'),
  'fullName.tooLong': text('Full name longer than 100 characters'),
  'fullName.characters': text('Full name with characters other than letters, spaces, apostrophes, hyphens, dots'),
  'birthDate.required': text('Date of birth left empty; give an example in day month year order'),
  'birthDate.invalid': text('Date of birth that is not a real date (31 2 1980, a missing part)'),
  'birthDate.future': text('Date of birth after today'),
  'birthDate.tooEarly': text('Date of birth before 1900'),
  'birthDate.tooYoung': text('Person younger than the minimum age on the session date; {{min_age}} is that age'),
  'idNumber.format': text('ID number that is neither 12 digits (personal ID) nor 9 digits (old ID card)'),
  'idNumber.province': text('12-digit ID number whose first 3 digits are not a province code'),
  'idNumber.birthYear': text('12-digit ID number whose digits 4–6 do not match the year of birth'),
  'applicationKind.required': text('No choice made between first card, conversion, change, re-issue'),
  'people.required': text('Booking with nobody on it'),
  'people.tooMany': text('More than 5 people in one booking; {{max}} is the limit'),
  'person.duplicate': text('The same name and date of birth entered twice in one booking'),
  'person.duplicateIdNumber': text('The same ID number entered for two people in one booking'),
  'phone.required': text('Contact phone number left empty'),
  'phone.invalid': text('Contact phone number that is not a Vietnamese mobile number; give examples'),
  'consent.required': text('Consent box not ticked: the person must agree to the use of their data'),
  'shift.required': text('No shift chosen'),
  'form.reload': text('A hidden field of the form is broken (not the person’s fault): reload the page'),
  'code.required': text('Booking code left empty'),
  'code.format': text('Booking code that is not 9 letters and digits; give an example code'),
  'code.mistyped': text('Booking code whose check character fails: probably one character mistyped'),
  'token.invalid': text('Booking link whose token is cut off or damaged'),
  'search.unit': text('Province, district or ward code that does not exist in the list'),
  'search.date': text('Search date that is not a real date'),
  'search.dateOrder': text('Search end date before the start date'),
  'search.dateRange': text('Search dates too far apart; {{max_days}} is the limit in days'),
  'search.location': text('Location outside Viet Nam, or only one of latitude and longitude'),
  'search.radius': text('Search distance outside the allowed range; {{min}} and {{max}} are km'),
  'search.sort': text('Sorting by distance without a location'),
  'search.campaign': text('A campaign name in the address that is not a campaign: choose one from the list'),
});

/**
 * Refusals of the database functions (src/domain/errors.ts), one key per code: what happened and
 * what to do next. Keys of refusals about one person interpolate {{name}}.
 */
export const errorsSchema = z.strictObject({
  ...({
    rate_limited: text('Too many attempts from this device, phone or code: wait and try again'),
    not_found: text('No booking with this code and phone number (or link): check both'),
    shift_not_found: text('The chosen shift does not exist (any more)'),
    campaign_not_found: text('The campaign of the link does not exist'),
    shift_full: text('The shift has no places left: choose another shift or session'),
    shift_unavailable: text('The session is cancelled or not published'),
    shift_past: text('Booking for the shift has closed (one hour before it ends)'),
    already_booked: text('Someone in the booking already holds a place in this campaign'),
    phone_limit: text('The phone number holds the most active places allowed; {{max}} is that number'),
    idempotency_conflict: text('The same form was sent before with other details: reload and check'),
    nothing_to_change: text('No place of the booking can be cancelled or moved any more'),
    different_campaign: text('Moving to a shift of another campaign is not possible'),
    invalid_people: text('The booking has no people or more than 5'),
    invalid_name: text('The database refused the name of {{name}}'),
    invalid_birth_date: text('The database refused the date of birth of {{name}}'),
    invalid_id_number: text('The ID number of {{name}} does not fit the date of birth or has a bad format'),
    invalid_application_kind: text('No application kind chosen for {{name}}'),
    too_young: text('{{name}} is younger than {{min_age}} on the session date'),
    duplicate_person: text('{{name}} appears twice in the booking'),
    invalid_phone: text('The phone number is not a Vietnamese mobile number'),
    consent_required: text('The consent box was not ticked'),
    ward_outside_campaign: text('A home-visit or organisation request names a ward outside the province of the page’s campaign: choose one inside, or open the own province’s campaign'),
    consent_outdated: text('The consent text shown is not the one in force today (the law changed): reload, read and tick again'),
    invalid_idempotency_key: text('The form’s hidden key is broken: reload the page'),
    invalid_code: text('The booking code is not a valid code: check it'),
    invalid_argument: text('Search filters the database refused'),
    not_allowed: text('A staff action by an account that is not staff'),
    booking_not_active: text('Checking in or marking a booking that is not waiting any more'),
    queue_empty: text('Calling the next number when nobody checked in is waiting'),
    not_present: text('Calling, or marking served, a person who is not checked in (here) at the site'),
    not_marked: text('Taking back served or not come on a number that is not marked either'),
    day_over: text('Taking back served or not come after the session’s day'),
    session_has_bookings: text('Cancelling, moving or unpublishing a session whose number of people booked is not the one the officer confirmed; {{booked}} is the number now'),
    session_exists: text('Creating or moving a session to a date the site already has a session on'),
    session_started: text('Moving a session whose day of intake has begun: people checked in or walk-in numbers handed out'),
    capacity_below_booked: text('Fewer places for a shift than people have booked it; {{booked}} is how many'),
    campaign_slug_taken: text('A new campaign’s short name in links is already another campaign’s'),
    unit_not_in_campaign: text('A unit named for a campaign (a site\'s ward, a daily count\'s unit) is not in the campaign\'s province and unit set'),
    link_not_found: text('The sign-up link of an organisation does not exist: check the whole link'),
    link_paused: text('The organisation’s sign-up link is paused for now: ask the organisation'),
    link_revoked: text('The organisation’s sign-up link was withdrawn: ask the organisation for the new one'),
    link_closed: text('Sign-ups through the organisation’s link have closed'),
    link_full: text('All places reserved for the organisation are taken'),
    guardian_consent_required: text('A student under 18 needs a parent’s or guardian’s consent ticked'),
    home_visit_exists: text('A home-visit request for the same person in the same ward is still open (sent from another phone: its code is not shown)'),
    home_visit_not_open: text('The home visit is already scheduled or closed, so the requester cannot change or cancel it online'),
    role_misfit: text('An administrator gives an account a role that does not fit the unit or site (another unit set or level, a volunteer without a site)'),
    invalid_transition: text('A staff change of a home visit’s status that is not allowed from its current status'),
    plan_within_notice: text('Publishing a plan with a session dated within the 15-day notice (today to today + 14): the first such date is in the details'),
    unexpected: text('An error on the site’s side: try later; who to contact'),
  } satisfies Record<RefusalCode, z.ZodString>),
  network: text('The request did not reach the server (offline, timeout): check the connection'),
});

export const namespaceSchemas = {
  common: commonSchema,
  home: homeSchema,
  booking: bookingSchema,
  errors: errorsSchema,
  schedules: schedulesSchema,
  book: bookSchema,
  manage: manageSchema,
  guide: guideSchema,
  faq: faqSchema,
  progress: progressSchema,
  queue: queueSchema,
  staff: staffSchema,
  staffDay: staffDaySchema,
  staffNotice: staffNoticeSchema,
  organisations: organisationsSchema,
  join: joinSchema,
  staffLinks: staffLinksSchema,
  homeVisit: homeVisitSchema,
  staffHomeVisits: staffHomeVisitsSchema,
  staffBook: staffBookSchema,
  staffCampaigns: staffCampaignsSchema,
  consent: consentSchema,
  messages: messagesSchema,
  privacy: privacySchema,
  accessibility: accessibilitySchema,
  staffAccounts: staffAccountsSchema,
  staffPassword: staffPasswordSchema,
  staffAudit: staffAuditSchema,
  planner: plannerSchema,
  planView: planViewSchema,
} as const satisfies Record<NamespaceName, z.ZodType>;

/** What a validated locale file holds, per namespace. */
export type NamespaceResources = { [N in NamespaceName]: z.output<(typeof namespaceSchemas)[N]> };
