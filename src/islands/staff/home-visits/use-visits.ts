// The home-visit list of one view: read, read again after a saved change, and the announcement of it.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RpcResult } from '../../../lib/public-api.ts';
import { useRead } from '../../shared/use-read.ts';
import type { StaffHomeVisit } from './data.ts';

/**
 * Loads with `read`, and again after each saved change, announcing what was saved. Focus then goes
 * to the changed card's heading, or to the announcement when the card left the list (closed).
 */
export function useVisits(read: () => Promise<RpcResult<StaffHomeVisit[]>>) {
  const [answer, setAnswer] = useState<{ of: typeof read; result: RpcResult<StaffHomeVisit[]> }>();
  // Another filter or date shows as loading until its own answer comes.
  const result = answer?.of === read ? answer.result : undefined;
  const readAnswer = useCallback(async () => ({ of: read, result: await read() }), [read]);
  const load = useRead(readAnswer, setAnswer);
  const [saved, setSaved] = useState<{ message: string; id: number }>();
  const savedRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (!saved) return;
    const heading = document.querySelector<HTMLElement>(`#visit-${saved.id} h3`);
    (heading ?? savedRef.current)?.focus();
  }, [saved]);
  const onChanged = useCallback(
    async (message: string, id: number) => {
      await load();
      setSaved({ message, id });
    },
    [load],
  );
  return { result, saved: saved?.message, savedRef, load, onChanged };
}
