// The day's actions (a check-in, call next, a walk-in number, a mark on the roster) each say what
// came of them, in their own section; only the last action's outcome is shown, so an old refusal
// does not stay under the check-in box through later successes elsewhere.

export type DayAction = 'check-in' | 'queue' | 'roster';

/** What a section needs: whether the last action was its own, and the call that says one starts. */
export interface Turn {
  last: boolean;
  start: () => void;
}
