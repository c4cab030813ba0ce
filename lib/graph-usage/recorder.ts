/**
 * Feeds usage snapshots from the Graph client to the store without slowing or breaking a Graph call:
 * `observe` is synchronous and never throws, writes happen in the background one at a time, and each scope is
 * written at most once per `intervalMs`. A figure arriving sooner is not dropped: it waits as that scope's
 * pending value (newer replaces older) and is written when the interval has passed, so the stored figure is
 * never older than one interval behind the latest response.
 */
import type { UsageSnapshot } from '@/lib/graph/usage';
import { figureKey, type UsageFigure, usageFigures } from './figures';

export interface UsageRecorderOptions {
  write: (figures: UsageFigure[]) => Promise<void>;
  /** Minimum time between two writes of one scope. Default 1 s. */
  intervalMs?: number;
  /** A failed write (or a bug) is reported here and otherwise forgotten. */
  onError?: (error: unknown) => void;
  now?: () => number;
  /** Timer for the deferred writes; tests pass a manual one. */
  schedule?: (run: () => void, ms: number) => void;
}

export interface UsageRecorder {
  observe(snapshot: UsageSnapshot): void;
  /** Writes every pending figure now, ignoring the interval, and waits for it (tests, shutdown). */
  flush(): Promise<void>;
  /** Resolves when no write is in flight. */
  settled(): Promise<void>;
}

const defaultSchedule = (run: () => void, ms: number) => {
  setTimeout(run, ms).unref?.();
};

export function createUsageRecorder(options: UsageRecorderOptions): UsageRecorder {
  const intervalMs = options.intervalMs ?? 1_000;
  const now = options.now ?? Date.now;
  const schedule = options.schedule ?? defaultSchedule;
  const onError = options.onError ?? (() => {});
  const pending = new Map<string, UsageFigure>();
  const lastWrite = new Map<string, number>();
  let inFlight: Promise<void> | null = null;
  let timerAt: number | null = null;

  function write(figures: UsageFigure[]): void {
    const at = now();
    for (const figure of figures) lastWrite.set(figureKey(figure), at);
    inFlight = Promise.resolve()
      .then(() => options.write(figures))
      .catch(onError)
      .finally(() => {
        inFlight = null;
        kick();
      });
  }

  function kick(): void {
    if (inFlight) return;
    const at = now();
    // Scopes whose interval has passed are due anyway: forgetting them keeps the map small on big fleets.
    for (const [key, when] of lastWrite)
      if (at - when >= intervalMs && !pending.has(key)) lastWrite.delete(key);
    const due: UsageFigure[] = [];
    let nextDue = Number.POSITIVE_INFINITY;
    for (const [key, figure] of pending) {
      const dueAt = (lastWrite.get(key) ?? Number.NEGATIVE_INFINITY) + intervalMs;
      if (dueAt <= at) {
        due.push(figure);
        pending.delete(key);
      } else {
        nextDue = Math.min(nextDue, dueAt);
      }
    }
    if (due.length) write(due);
    if (Number.isFinite(nextDue) && (timerAt === null || nextDue < timerAt)) {
      timerAt = nextDue;
      schedule(
        () => {
          timerAt = null;
          kick();
        },
        Math.max(0, nextDue - at),
      );
    }
  }

  return {
    observe(snapshot) {
      try {
        for (const figure of usageFigures(snapshot)) {
          const key = figureKey(figure);
          const held = pending.get(key);
          if (!held || held.receivedAt <= figure.receivedAt) pending.set(key, figure);
        }
        kick();
      } catch (error) {
        onError(error);
      }
    },
    async flush() {
      while (inFlight) await inFlight;
      if (pending.size === 0) return;
      const figures = [...pending.values()];
      pending.clear();
      write(figures);
      await inFlight;
    },
    async settled() {
      while (inFlight) await inFlight;
    },
  };
}
