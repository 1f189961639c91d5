import type { TimelineEvent } from '../../contract/timeline';

/** Most events kept per instance; the oldest go first. A journey with every branch makes a few dozen. */
export const MAX_EVENTS_PER_INSTANCE = 500;
export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * What happened in every onboarding, per instance, kept `retentionMs` (TIMELINE_DAYS) and at most
 * MAX_EVENTS_PER_INSTANCE. Events hold no secret (see contract/timeline.ts).
 */
export interface TimelineStore {
  append(instance: string, event: TimelineEvent): Promise<void>;
  /** Newest first, none older than the retention. */
  list(instance: string, now: number): Promise<TimelineEvent[]>;
}

export function createMemoryTimelineStore(retentionMs: number): TimelineStore {
  // Instances are a fixed set from the configuration, so the map's size is bounded by it.
  const events = new Map<string, TimelineEvent[]>();
  const recent = (list: TimelineEvent[], now: number) => list.filter((event) => event.at > now - retentionMs);
  return {
    append: (instance, event) => {
      const list = [event, ...recent(events.get(instance) ?? [], event.at)].slice(0, MAX_EVENTS_PER_INSTANCE);
      events.set(instance, list);
      return Promise.resolve();
    },
    list: (instance, now) => Promise.resolve(recent(events.get(instance) ?? [], now).map((event) => ({ ...event }))),
  };
}
