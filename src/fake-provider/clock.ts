/** The simulated provider reads time only through this, so tests can move it instead of waiting. */
export interface Clock {
  now: () => number;
}

export const systemClock: Clock = { now: () => Date.now() };

export interface ManualClock extends Clock {
  advance: (ms: number) => void;
  set: (ms: number) => void;
}

export function manualClock(start = Date.UTC(2026, 0, 1)): ManualClock {
  let current = start;
  return {
    now: () => current,
    advance: (ms) => {
      current += ms;
    },
    set: (ms) => {
      current = ms;
    },
  };
}
