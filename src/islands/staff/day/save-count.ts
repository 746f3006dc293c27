// Saving the day's count: its form's schema and the write with its answer's schema, loaded with the
// first save (DailyCount.tsx), so the day page opens without them.
import { dailyCountRecordSchema, type DailyCountRecord } from '../../../domain/staff-writes.ts';
import type { RpcResult } from '../../../lib/public-api.ts';
import { staffRpc } from '../calls.ts';

export { dailyCountSchema } from '../../../domain/daily-count.ts';

/** Records a unit's count for a day, replacing any earlier figure (the audit log keeps the old one). */
export function saveCount(input: { campaignId: number; unitId: number; day: string; applications: number; walkIns: number }): Promise<RpcResult<DailyCountRecord>> {
  return staffRpc(
    'staff_record_daily_count',
    { p_campaign_id: input.campaignId, p_unit_id: input.unitId, p_day: input.day, p_applications: input.applications, p_walk_ins: input.walkIns },
    dailyCountRecordSchema,
  );
}
