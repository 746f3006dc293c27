// Data an island reads when it opens, fetched the way React asks of an effect: state changes only
// when the answer arrives, and an answer overtaken by a newer read or by the unmount is dropped.
import { useCallback, useEffect, useRef } from 'react';

/**
 * Runs `read` on mount and whenever it changes (memoise it with what it depends on) and hands the
 * answer to `apply` (a state setter, or a memoised function); a null `read` reads nothing. `read`
 * must not reject: it answers with its failure. Returns a function that reads again and applies the
 * answer, for a retry or a refresh after a change.
 */
export function useRead<T>(read: (() => Promise<T>) | null, apply: (answer: T) => void): () => Promise<void> {
  // The number of the latest read, the effect's or a refresh's: only its answer is applied. A new
  // `read` or the unmount moves it on, so an answer still on its way is dropped.
  const reads = useRef({ latest: 0 });
  const readAndApply = useCallback(async () => {
    if (!read) return;
    const mine = ++reads.current.latest;
    const answer = await read();
    if (mine === reads.current.latest) apply(answer);
  }, [read, apply]);
  useEffect(() => {
    const counter = reads.current;
    void readAndApply();
    return () => {
      counter.latest++;
    };
  }, [readAndApply]);
  return readAndApply;
}
