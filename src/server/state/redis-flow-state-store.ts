import { z } from 'zod';
import type { FlowRecord } from '../../flow/journey-record';
import type { FlowStateStore } from '../guards/flow-state-store';
import { HOUR_MS } from '../../flow/limits';
import { createRedisAttemptLog } from './attempt-log';
import { createRedisCoordination, defaultCoordinationTimes, parseJson, type RedisCoordinationTimes } from './call-coordination';
import type { RedisState } from './redis-state';

/** A journey untouched for a day is forgotten; the next step then starts again with an availability check. */
export const JOURNEY_TTL_MS = 24 * HOUR_MS;

const deadline = z.number().nullable();
const method = z.enum(['sms', 'voice', 'wa_old']);
const numberWaitsSchema = z.object({
  deadlines: z.object({ sms: deadline, voice: deadline, wa_old: deadline }),
  resendAt: z.number(),
  sentMethod: method.nullable(),
  codeIssuedAt: z.number().nullable(),
  wrongCodes: z.number().int(),
});
const flowRecordSchema = numberWaitsSchema.extend({
  number: z.string(),
  step: z.enum(['available', 'captcha', 'pin', 'transfer', 'banned', 'connected', 'closed']),
  captchaMethod: method.nullable(),
  captchaAnswers: z.number().int(),
  wrongPins: z.number().int(),
  parked: z.record(z.string(), numberWaitsSchema),
  checked: z.record(z.string(), z.number()),
  lastEntry: z.object({ by: z.enum(['operator', 'owner']), at: z.number() }).optional(),
}) satisfies z.ZodType<FlowRecord>;

/**
 * Journeys as JSON under `journey:<instance>` (TTL a day, renewed on every write), hourly attempts as
 * sorted sets under `attempts:<hash>` (TTL an hour), and the per-instance lock and in-flight replies
 * of the call coordination. A record that does not parse is treated as no journey (fail closed: the
 * next step is refused as out of order).
 */
export function createRedisFlowStateStore(state: RedisState, times: RedisCoordinationTimes = defaultCoordinationTimes): FlowStateStore {
  // The record this process last wrote per instance, with its text: read back unchanged, as it mostly is,
  // it is not parsed again (a parse costs a call about a tenth of a millisecond on an idle process).
  // Records are never changed in place, as in the in-memory store; one entry per instance written here.
  const written = new Map<string, { text: string; record: FlowRecord }>();
  return {
    ...createRedisAttemptLog(state, 'attempts', HOUR_MS),
    ...createRedisCoordination(state, times),
    read: async (instanceKey) => {
      const text = await state.get(state.key('journey', instanceKey));
      if (text === null) return undefined;
      const known = written.get(instanceKey);
      if (known?.text === text) return known.record;
      const parsed = flowRecordSchema.safeParse(parseJson(text));
      return parsed.success ? parsed.data : undefined;
    },
    write: (instanceKey, record) => {
      const text = JSON.stringify(record);
      written.set(instanceKey, { text, record });
      return state.run(async (redis) => {
        await redis.set(state.key('journey', instanceKey), text, 'PX', JOURNEY_TTL_MS);
      });
    },
  };
}
