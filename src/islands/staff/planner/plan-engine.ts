// The planner's code the page loads with a dynamic import when the officer opens a campaign's plan:
// the planner itself, the edits and the builder of its input, kept out of the page's first load.
import { inputFromStore, type PlannerAnswer } from '../../../domain/planner-store.ts';
import { progressCurve } from '../../../domain/planner/progress.ts';
import type { PlanInput, PlannedSession } from '../../../domain/planner/schema.ts';

export { assignMachine, assignTeam, editableDay, moveSession, publishSummary, removeSession, replan, setDayLocked, setLocked, setPlaces } from '../../../domain/planner/edit.ts';
export { sessionPlaces, withinNotice } from '../../../domain/planner/rules.ts';
export { inputFromStore, progressCurve };

/**
 * The plan as the database keeps it, before the officer plans: the published sessions (from today)
 * as published, the saved draft with its locks. The draft's sessions are read as inputFromStore
 * reads its locked ones, so both read them one way.
 */
export function savedSessions(answer: PlannerAnswer, input: PlanInput): PlannedSession[] {
  const asLocks = inputFromStore({ ...answer, published: [], draft: answer.draft.map((session) => ({ ...session, locked: true })) }, input.today).locked;
  const locked = new Set(answer.draft.filter((session) => session.locked).map((session) => `${session.date} ${session.site_id}`));
  return [
    ...input.published.map((session) => ({ ...session, source: 'published' as const })),
    ...asLocks.map((session) => ({ ...session, source: locked.has(`${session.date} ${session.siteId}`) ? ('locked' as const) : ('planned' as const) })),
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.siteId < b.siteId ? -1 : 1));
}
