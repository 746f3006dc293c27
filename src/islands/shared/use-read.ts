// Data an island reads when it opens, fetched the way React asks of an effect: state changes only
// when the answer arrives, and an answer overtaken by a newer read or by the unmount is dropped.
import { useCallback, useEffect } from 'react';

/**
 * Runs `read` on mount and whenever it changes (memoise it with what it depends on) and hands the
 * answer to `apply` (a state setter, or a memoised function); a null `read` reads nothing. `read`
 * must not reject: it answers with its failure. Returns a function that reads again and applies the
 * answer, for a retry or a refresh after a change.
 */
export function useRead<T>(read: (() => Promise<T>) | null, apply: (answer: T) => void): () => Promise<void> {
  useEffect(() => {
    if (!read) return;
    let live = true;
    void read().then((answer) => {
      if (live) apply(answer);
    });
    return () => {
      live = false;
    };
  }, [read, apply]);
  return useCallback(async () => {
    if (read) apply(await read());
  }, [read, apply]);
}
