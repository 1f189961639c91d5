/** Where the aggregated line goes (a Fastify or pino logger). */
export interface AggregateSink {
  warn(details: Record<string, unknown>, message: string): void;
}

export interface RefusalLog {
  /** Counts one refusal for `reason`; `log` (the request's logger) gets the first line of an interval. */
  note(reason: string, log: AggregateSink): void;
  /** Writes what is pending now (on shutdown, and in tests). */
  flush(): void;
}

/**
 * Refusals an attacker can cause at will (wrong tokens, wrong credentials, locked-out clients) are
 * logged as counts instead of one line each: the first refusal of a quiet period is written at
 * once, the rest of that interval as one line of counts at its end. At most two lines per interval,
 * so a flood of attempts tells what is going on without filling the disk.
 */
export function createRefusalLog(sink: AggregateSink, message: string, intervalMs = 60_000): RefusalLog {
  let counts = new Map<string, number>();
  let timer: NodeJS.Timeout | null = null;

  function flush(): void {
    if (timer) clearTimeout(timer);
    timer = null;
    if (counts.size === 0) return;
    sink.warn({ of: message, refused: Object.fromEntries(counts), intervalMs }, 'refusals summed up');
    counts = new Map();
  }

  return {
    note(reason, log) {
      if (timer) {
        counts.set(reason, (counts.get(reason) ?? 0) + 1);
        return;
      }
      log.warn({ reason, thenSummedUpForMs: intervalMs }, message);
      timer = setTimeout(flush, intervalMs);
      timer.unref();
    },
    flush,
  };
}
