const HOUR_MS = 3600 * 1000;

/** A clock the test moves by hand: pass `clock.now` as the app's clock. */
export function manualClock(start: string) {
  let now = new Date(start);
  return {
    now: () => now,
    set(iso: string) {
      now = new Date(iso);
    },
    advance(ms: number) {
      now = new Date(now.getTime() + ms);
    },
    advanceHours(hours: number) {
      now = new Date(now.getTime() + hours * HOUR_MS);
    },
  };
}

export type ManualClock = ReturnType<typeof manualClock>;
