// What a form keeps for the browser tab (sessionStorage): answers that survive a reload, and the
// idempotency key of a send. A missing or unreadable entry reads as undefined.
export function readSession<T>(key: string): T | undefined {
  try {
    return (JSON.parse(sessionStorage.getItem(key) ?? 'null') as T | null) ?? undefined;
  } catch {
    return undefined;
  }
}
