// The planner's code the page loads with a dynamic import when the officer opens a campaign's plan:
// the planner itself, the edits and the builder of its input, kept out of the page's first load.
import { inputFromStore, type StaffPlanner } from '../../../domain/planner-store.ts';
import { progressCurve } from '../../../domain/planner/progress.ts';
import type { PlanInput, PlannedSession } from '../../../domain/planner/schema.ts';

export { assignMachine, assignTeam, editableDay, moveSession, publishSummary, removeSession, replan, setDayLocked, setLocked, setPlaces } from '../../../domain/planner/edit.ts';
export { sessionPlaces, withinNotice } from '../../../domain/planner/rules.ts';
export { inputFromStore, progressCurve };

/**
 * The plan as the database keeps it, before the officer plans: the published sessions (from today)
 * as published, the saved draft with its locks. The input's `published` and `locked` are those
 * already; the draft's unlocked sessions are read from the answer the same way.
 */
export function savedSessions(answer: StaffPlanner, input: PlanInput): PlannedSession[] {
  const unlocked = inputFromStore({ ...answer, draft: answer.draft.map((session) => ({ ...session, locked: true })) }, input.today).locked.filter(
    (session) => !input.locked.some((lock) => lock.date === session.date && lock.siteId === session.siteId),
  );
  return [
    ...input.published.map((session) => ({ ...session, source: 'published' as const })),
    ...input.locked.map((session) => ({ ...session, source: 'locked' as const })),
    ...unlocked.map((session) => ({ ...session, source: 'planned' as const })),
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.siteId < b.siteId ? -1 : 1));
}
