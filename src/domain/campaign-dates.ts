// Which campaign a day belongs to, apart from the staff forms' schemas so that a page reading
// campaigns without a form (the commune notice) does not load zod for it.

/**
 * The campaign a session on `date` belongs to, among the campaigns of the officer's province: the
 * one running that day, else the one starting next, else the latest.
 */
export function campaignFor<T extends { id: number; starts_on: string; deadline: string }>(campaigns: readonly T[], date: string): T | null {
  const running = campaigns.find((c) => c.starts_on <= date && date <= c.deadline);
  if (running) return running;
  const sorted = [...campaigns].sort((a, b) => a.starts_on.localeCompare(b.starts_on));
  return sorted.find((c) => c.starts_on > date) ?? sorted.at(-1) ?? null;
}
