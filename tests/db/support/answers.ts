// Every public database function that answers jsonb, with the schema the site parses its answer
// with. answers.test.ts checks this list against pg_proc both ways, so a new function without a
// schema (or a schema left for a dropped function) fails the run; the tests read each function's
// successful answer through `answer` with the function's schema here, so a changed shape fails them
// too.
import { expect } from 'vitest';
import { parse, type output } from 'zod/mini';
import { bookingViewSchema } from '../../../src/domain/booking-view.ts';
import { savedCampaignSchema } from '../../../src/domain/campaign-admin.ts';
import { campaignDirectoryAnswer } from '../../../src/domain/campaign-directory.ts';
import { dayQueueSchema } from '../../../src/domain/day-queue.ts';
import { closedAnswerSchema, homeVisitViewSchema, scheduledAnswerSchema } from '../../../src/domain/home-visit.ts';
import { linkRosterSchema } from '../../../src/domain/link-roster.ts';
import { claimedDeliveriesSchema } from '../../../src/domain/message-delivery.ts';
import { stopMessagesAnswerSchema } from '../../../src/domain/outbox.ts';
import { plannerAnswerSchema, publishedPlanSchema, savedPlanSchema, savedPlanSetupSchema } from '../../../src/domain/planner-store.ts';
import { campaignProgressSchema } from '../../../src/domain/progress.ts';
import { purgeReportSchema } from '../../../src/domain/retention.ts';
import { queueEntrySchema } from '../../../src/domain/roster.ts';
import {
  coordinatorTokenSchema,
  createdLinkSchema,
  linkInfoSchema,
  linkStatusAnswerSchema,
  organisationRequestAnswerSchema,
} from '../../../src/domain/signup-links.ts';
import {
  cancelledSessionSchema,
  createdSessionSchema,
  dailyCountRecordSchema,
  handledRequestSchema,
  movedSessionSchema,
  publishedSessionSchema,
  shiftCapacitySchema,
  updatedSiteSchema,
} from '../../../src/domain/staff-writes.ts';
import { savedUnitQuotasSchema } from '../../../src/domain/unit-quotas.ts';
import { auditLogSchema, newAccountCheckSchema, staffAccountSchema } from '../../../src/domain/staff-accounts.ts';
import { locateCommuneAnswer, oldWardAnswer } from '../../../src/domain/units.ts';
import { boardAnswerSchema } from '../../../src/islands/queue/board.ts';
import type { AnswerSchema } from '../../../src/lib/answers.ts';
import type { JsonRpcName } from '../../../src/lib/public-api.ts';

export const answerSchemas = {
  book_places: bookingViewSchema,
  staff_book_places: bookingViewSchema,
  join_signup_link: bookingViewSchema,
  lookup_booking: bookingViewSchema,
  cancel_booking: bookingViewSchema,
  move_booking: bookingViewSchema,
  campaign_progress: campaignProgressSchema,
  campaign_directory: campaignDirectoryAnswer,
  staff_save_campaign: savedCampaignSchema,
  staff_save_unit_quotas: savedUnitQuotasSchema,
  now_serving_board: boardAnswerSchema,
  purge_personal_data: purgeReportSchema,
  request_home_visit: homeVisitViewSchema,
  home_visit_status: homeVisitViewSchema,
  change_home_visit: homeVisitViewSchema,
  cancel_home_visit: homeVisitViewSchema,
  staff_schedule_home_visit: scheduledAnswerSchema,
  staff_close_home_visit: closedAnswerSchema,
  request_organisation_session: organisationRequestAnswerSchema,
  signup_link_info: linkInfoSchema,
  coordinator_roster: linkRosterSchema,
  coordinator_remove_entry: linkRosterSchema,
  staff_link_roster: linkRosterSchema,
  staff_create_signup_link: createdLinkSchema,
  staff_set_signup_link_status: linkStatusAnswerSchema,
  staff_new_coordinator_token: coordinatorTokenSchema,
  staff_check_in: queueEntrySchema,
  staff_add_walk_in: queueEntrySchema,
  staff_call_next: queueEntrySchema,
  staff_call_number: queueEntrySchema,
  staff_mark: queueEntrySchema,
  staff_day_queue: dayQueueSchema,
  staff_undo_mark: queueEntrySchema,
  staff_cancel_session: cancelledSessionSchema,
  staff_move_session: movedSessionSchema,
  staff_create_session: createdSessionSchema,
  staff_update_site: updatedSiteSchema,
  staff_set_session_published: publishedSessionSchema,
  staff_set_shift_capacity: shiftCapacitySchema,
  staff_record_daily_count: dailyCountRecordSchema,
  staff_mark_organisation_request_handled: handledRequestSchema,
  locate_commune: locateCommuneAnswer,
  old_ward_lookup: oldWardAnswer,
  sender_claim_messages: claimedDeliveriesSchema,
  stop_messages: stopMessagesAnswerSchema,
  staff_check_new_account: newAccountCheckSchema,
  staff_record_account: staffAccountSchema,
  staff_set_account_active: staffAccountSchema,
  staff_flag_password_reset: staffAccountSchema,
  staff_password_changed: staffAccountSchema,
  staff_audit_log: auditLogSchema,
  staff_planner: plannerAnswerSchema,
  staff_save_plan_setup: savedPlanSetupSchema,
  staff_save_plan: savedPlanSchema,
  staff_publish_plan: publishedPlanSchema,
} satisfies Record<JsonRpcName, AnswerSchema>;

/**
 * The data of a call that succeeded, parsed with its function's schema (`answerSchemas.<name>`): a
 * refusal or a changed shape fails the test.
 */
export function answer<S extends AnswerSchema>(schema: S, result: { data: unknown; error: unknown }): output<S> {
  expect(result.error).toBeNull();
  return parse(schema, result.data);
}
