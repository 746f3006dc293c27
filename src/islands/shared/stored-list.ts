// Lists this site keeps in localStorage (saved tickets, home-visit links). Each entry is read with
// its schema: one saved by an older version of the site (or changed by hand) that no longer has
// the shape is dropped, and the rest are kept.
import { safeParse, type core, type output } from 'zod/mini';

export function readStoredList<S extends core.$ZodType>(key: string, entry: S): output<S>[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.flatMap((item: unknown) => {
      const read = safeParse(entry, item);
      return read.success ? [read.data] : [];
    });
  } catch {
    return [];
  }
}
