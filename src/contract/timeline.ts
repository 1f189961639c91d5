import { z } from 'zod/mini';
import { operation } from './operation';
import { timelineEventSchema } from './timeline-event';

export { timelineEventSchema, timelineKinds, timelineKindSchema, type TimelineEvent, type TimelineKind } from './timeline-event';

export const timelineRequestSchema = z.strictObject({ format: z.optional(z.enum(['events', 'bundle'])) });

/** Newest first. */
export const timelineSchema = z.strictObject({ events: z.array(timelineEventSchema) });

/** What support is sent: versions, the provider, and the events; nothing secret. */
export const supportBundleSchema = z.strictObject({
  format: z.literal('wa-onboarding-support-bundle'),
  createdAt: z.int().check(z.nonnegative()),
  versions: z.strictObject({ console: z.string(), proxy: z.string() }),
  provider: z.string(),
  events: z.array(timelineEventSchema),
});
export type SupportBundle = z.infer<typeof supportBundleSchema>;

export const timelineOperations = {
  getTimeline: operation('GET', '/instance/timeline', timelineRequestSchema, z.union([timelineSchema, supportBundleSchema])),
};
