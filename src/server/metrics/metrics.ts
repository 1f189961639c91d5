import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** One store call's duration and whether it succeeded; the in-memory and Redis stores both report here. */
export type StateStoreRecorder = (operation: string, seconds: number, ok: boolean) => void;

/** Why a guard refused a call before the provider was asked. */
export interface GuardRefusal {
  guard: 'registration' | 'operator-auth';
  operation: string;
  reason: string;
}

export interface Metrics {
  registry: Registry;
  recordRequest(operation: string, outcome: string, seconds: number): void;
  recordJourneyStep(step: string, outcome: string): void;
  recordProviderCall(provider: string, operation: string, outcome: string, seconds: number): void;
  recordGuardRefusal(refusal: GuardRefusal): void;
  recordEmbedSessionOpened(): void;
  /** Reads the number of live embed sessions at scrape time. */
  countEmbedSessions(count: () => number): void;
  recordStateStoreCall: StateStoreRecorder;
  /** The Prometheus text exposition of every series. */
  text(): Promise<string>;
}

const PREFIX = 'wa_';
/** Seconds, from a quick local answer to the upstream timeouts. */
const requestBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const storeBuckets = [0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];

/**
 * Every series the proxy exports, in a registry of its own (never prom-client's global one), so
 * several proxies in one process — tests do that — keep separate counts.
 */
export function createMetrics(): Metrics {
  const registry = new Registry();
  const registers = [registry];
  collectDefaultMetrics({ register: registry, prefix: PREFIX });

  const requests = new Counter({
    name: `${PREFIX}http_requests_total`,
    help: 'API requests by contract operation and outcome (ok, or the error catalogue code).',
    labelNames: ['operation', 'outcome'] as const,
    registers,
  });
  const requestSeconds = new Histogram({
    name: `${PREFIX}http_request_duration_seconds`,
    help: 'Time from request to answer in the proxy, by contract operation.',
    labelNames: ['operation'] as const,
    buckets: requestBuckets,
    registers,
  });
  const providerSeconds = new Histogram({
    name: `${PREFIX}provider_call_duration_seconds`,
    help: 'One call to the provider, by provider, contract operation and outcome (ok, http_4xx, http_5xx or the failure code).',
    labelNames: ['provider', 'operation', 'outcome'] as const,
    buckets: requestBuckets,
    registers,
  });
  const refusals = new Counter({
    name: `${PREFIX}guard_refusals_total`,
    help: 'Calls refused before the provider was asked, by guard, operation and reason.',
    labelNames: ['guard', 'operation', 'reason'] as const,
    registers,
  });
  const journeySteps = new Counter({
    name: `${PREFIX}journey_steps_total`,
    help: 'Registration and linking steps answered, by step and outcome (the answer\'s outcome, ok, or the error code).',
    labelNames: ['step', 'outcome'] as const,
    registers,
  });
  const embedOpened = new Counter({
    name: `${PREFIX}embed_sessions_opened_total`,
    help: 'Embed sessions opened by a token exchange.',
    registers,
  });
  let liveSessions: () => number = () => 0;
  new Gauge({
    name: `${PREFIX}embed_sessions_active`,
    help: 'Embed sessions alive in this proxy.',
    registers,
    collect() {
      this.set(liveSessions());
    },
  });
  const storeSeconds = new Histogram({
    name: `${PREFIX}state_store_duration_seconds`,
    help: 'One call to the flow-state store, by operation.',
    labelNames: ['operation'] as const,
    buckets: storeBuckets,
    registers,
  });
  const storeErrors = new Counter({
    name: `${PREFIX}state_store_errors_total`,
    help: 'Failed calls to the flow-state store, by operation.',
    labelNames: ['operation'] as const,
    registers,
  });

  return {
    registry,
    recordRequest(operation, outcome, seconds) {
      requests.inc({ operation, outcome });
      requestSeconds.observe({ operation }, seconds);
    },
    recordJourneyStep: (step, outcome) => journeySteps.inc({ step, outcome }),
    recordProviderCall: (provider, operation, outcome, seconds) => providerSeconds.observe({ provider, operation, outcome }, seconds),
    recordGuardRefusal: (refusal) => refusals.inc({ ...refusal }),
    recordEmbedSessionOpened: () => embedOpened.inc(),
    countEmbedSessions(count) {
      liveSessions = count;
    },
    recordStateStoreCall(operation, seconds, ok) {
      storeSeconds.observe({ operation }, seconds);
      if (!ok) storeErrors.inc({ operation });
    },
    text: () => registry.metrics(),
  };
}
