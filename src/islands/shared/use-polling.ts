// Reads now and then every `intervalMs` while the page is shown: a hidden tab (a phone in a
// pocket) stops reading and reads at once when shown again, as when the network comes back.
// `read` gets a function telling whether its answer is still wanted, and returns false to stop for
// good. The reading starts again when `restartOn` changes.
import { useCallback, useEffect, useEffectEvent, useRef } from 'react';

export function usePolling(read: (isCurrent: () => boolean) => Promise<boolean | void>, intervalMs: number, restartOn?: unknown): () => void {
  const refreshRef = useRef<() => Promise<void>>(async () => {});
  // Each read uses the caller's latest state; only `restartOn` restarts the reading.
  const readNow = useEffectEvent(read);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Only the latest read may apply its answer: a tick's read that started before a change (a
    // refresh after marking someone served) must not land after it with the old state.
    let latest = 0;
    const refresh = async () => {
      clearTimeout(timer);
      const id = ++latest;
      const keepGoing = await readNow(() => !stopped && id === latest);
      if (stopped || id !== latest || keepGoing === false) return;
      if (document.visibilityState === 'visible') timer = setTimeout(() => void refresh(), intervalMs);
    };
    refreshRef.current = refresh;
    const onVisibility = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('online', onVisibility);
    void refresh();
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('online', onVisibility);
    };
  }, [restartOn, intervalMs]);
  return useCallback(() => void refreshRef.current(), []);
}
