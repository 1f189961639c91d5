import type { FastifyRequest } from 'fastify';
import { version } from '../../package.json';
import type { OperationName } from '../contract/operations';
import { timelineRequestSchema, type SupportBundle } from '../contract/timeline';
import type { Clock } from '../fake-provider/clock';
import { parseInput, type ApiReply } from '../gateway/api-call';
import type { FlowStateStore } from './guards/flow-state-store';
import { journeyOf } from '../flow/journey-view';
import type { GuardLimits } from '../flow/limits';
import type { Handoffs } from './handoff/handoff-service';
import type { TimelineStore } from './timeline/timeline-store';

/** An operation of the table that the proxy answers from its own records, with no provider call. */
export type LocalOperation = (instance: string, request: FastifyRequest) => Promise<ApiReply>;
export type LocalOperations = { [N in OperationName]?: LocalOperation };

export interface LocalOperationOptions {
  store: FlowStateStore;
  timeline: TimelineStore;
  handoffs: Handoffs;
  clock: Clock;
  limits: GuardLimits;
  /** The provider of an instance alias, as the support bundle names it. */
  providerOf: (instance: string) => string;
}

/** The journey, the timeline (or its support bundle) and the hand-off links of the operator's instance. */
export function localOperations(options: LocalOperationOptions): LocalOperations {
  const { store, timeline, clock, limits } = options;
  return {
    getJourney: async (instance) => {
      const now = clock.now();
      const record = await store.read(instance);
      return { status: 200, body: journeyOf(record, now, limits, await options.handoffs.liveLink(instance, record, now)) };
    },
    getTimeline: async (instance, request) => {
      const parsed = parseInput(timelineRequestSchema, request.query);
      if (!parsed.ok) return parsed.reply;
      const now = clock.now();
      const events = await timeline.list(instance, now);
      if (parsed.input.format !== 'bundle') return { status: 200, body: { events } };
      const bundle: SupportBundle = {
        format: 'wa-onboarding-support-bundle',
        createdAt: now,
        // The console is the build this proxy serves: one release holds both.
        versions: { console: version, proxy: version },
        provider: options.providerOf(instance),
        events,
      };
      return { status: 200, body: bundle };
    },
    createHandoff: (instance) => options.handoffs.local.createHandoff(instance),
    revokeHandoff: (instance) => options.handoffs.local.revokeHandoff(instance),
  };
}
