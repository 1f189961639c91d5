import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { embedSessionOperation } from '../../contract/embed';
import { errorCodeSchema } from '../../contract/errors';
import { operationNames, operations, registrationOperationNames } from '../../contract/operations';
import type { Metrics } from './metrics';

export const METRICS_PATH = '/metrics';

/** Route → the name its series carry: each contract operation, and the embed token exchange. */
const operationByRoute = new Map<string, string>([
  ...operationNames.map((name) => [operations[name].path, name] as const),
  [embedSessionOperation.path, 'embedSession'],
]);

/** The steps of the two journeys (registration and linking), whose answers carry an outcome. */
const journeySteps = new Set<string>([...registrationOperationNames, 'requestPairingCode', 'getQrCode']);

const errorAnswerSchema = z.object({ code: errorCodeSchema });
const outcomeAnswerSchema = z.object({ outcome: z.string() });

function parsed(payload: unknown): unknown {
  if (typeof payload !== 'string') return null;
  try {
    return JSON.parse(payload);
  } catch {
    return null;
  }
}

/** `ok`, or the catalogue code of the answer (every API failure carries one). */
function outcomeOf(status: number, payload: unknown): { outcome: string; step: string } {
  if (status < 400) {
    const answer = outcomeAnswerSchema.safeParse(parsed(payload));
    return { outcome: 'ok', step: answer.success ? answer.data.outcome : 'ok' };
  }
  const error = errorAnswerSchema.safeParse(parsed(payload));
  const outcome = error.success ? error.data.code : `http_${status}`;
  return { outcome, step: outcome };
}

/** The operation a request's route serves; null for the console's files, the probes and these documents. */
export function operationOf(request: FastifyRequest): string | null {
  const route = request.routeOptions.url;
  if (route !== undefined) return operationByRoute.get(route) ?? null;
  // Paths under /api that match no route are counted together.
  return /^[/\\]+api([/\\?]|$)/i.test(request.url) ? 'unknown' : null;
}

/**
 * Counts each API answer by operation and outcome, its latency, and each journey step's outcome.
 * `serve` adds GET /metrics to this app: behind whatever guards the app's other routes (the operator
 * credential), so it is only set where those exist; otherwise the series go to METRICS_PORT.
 */
export function registerMetrics(app: FastifyInstance, metrics: Metrics, options: { serve: boolean }): void {
  const outcomes = new WeakMap<FastifyRequest, { outcome: string; step: string }>();

  app.addHook('onSend', async (request, reply, payload) => {
    if (operationOf(request) !== null) outcomes.set(request, outcomeOf(reply.statusCode, payload));
    return payload;
  });

  app.addHook('onResponse', async (request, reply) => {
    const operation = operationOf(request);
    if (operation === null) return;
    const { outcome, step } = outcomes.get(request) ?? { outcome: `http_${reply.statusCode}`, step: `http_${reply.statusCode}` };
    metrics.recordRequest(operation, outcome, reply.elapsedTime / 1000);
    if (journeySteps.has(operation)) metrics.recordJourneyStep(operation, step);
    if (operation === 'embedSession' && outcome === 'ok') metrics.recordEmbedSessionOpened();
  });

  if (options.serve) {
    app.get(METRICS_PATH, async (_request, reply) =>
      reply.header('cache-control', 'no-store').type(metrics.registry.contentType).send(await metrics.text()),
    );
  }
}
