// Vietnamese alphabetical order (Đ after D, tones after the bare letter), for names of places and
// units. Its own module: the unit pickers of every citizen form need it, and nothing else of the
// schedules page's rules.

export const vietnamese = new Intl.Collator('vi');

/** Units in Vietnamese alphabetical order. */
export function sortByName<T extends { name: string }>(units: readonly T[]): T[] {
  return [...units].sort((a, b) => vietnamese.compare(a.name, b.name));
}
