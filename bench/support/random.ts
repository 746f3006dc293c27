// A small deterministic generator (Park–Miller), so a benchmark run can be repeated with its seed.
export function random(seed: number): () => number {
  let state = (Math.abs(Math.trunc(seed)) % 2147483646) + 1;
  return () => (state = (state * 16807) % 2147483647) / 2147483647;
}

/** Picks one of `items` with the generator. */
export function picker(next: () => number) {
  return <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
}
