import type { ErrorCode } from '../contract/errors';
import { operations, type OperationInput, type OperationName, type OperationOutput } from '../contract/operations';
import { mapped, type Mapped, type OperationMapping, type ProviderAdapter, type ProviderMemory, type UpstreamRequest, type UpstreamResponse } from '../providers/types';
import { capabilitiesOf } from './capabilities';

/** Sends one request to the provider; throws an UpstreamFailure when no usable answer came back. */
export type UpstreamSend = (request: UpstreamRequest, signal?: AbortSignal) => Promise<UpstreamResponse>;

/** A transport failure, already named in the error catalogue. It carries no upstream detail. */
export class UpstreamFailure extends Error {
  constructor(readonly code: Extract<ErrorCode, `UPSTREAM_${string}` | 'PROVIDER_ERROR'>) {
    super(code);
    this.name = 'UpstreamFailure';
  }
}

export interface RunContext {
  adapter: ProviderAdapter;
  memory: ProviderMemory;
  send: UpstreamSend;
}

/**
 * Operations answered from the adapter itself, before any provider mapping is looked for. What an
 * instance supports is a fact of its adapter's mapping table, not of the provider's state, so it
 * costs no upstream call and no adapter has to map it.
 */
const localAnswers: { [N in OperationName]?: (adapter: ProviderAdapter) => OperationOutput<N> } = {
  getCapabilities: capabilitiesOf,
};

/**
 * One operation from contract input to contract output: adapter mapping out, one upstream call
 * (never retried), adapter mapping back. Shared by the proxy and the demo's mock handlers.
 */
export async function runOperation<N extends OperationName>(
  name: N,
  input: OperationInput<N>,
  context: RunContext,
  /** Aborts when the client has gone: not sent if it has not left yet (a GET is also cut off). */
  signal?: AbortSignal,
): Promise<Mapped<OperationOutput<N>>> {
  const local = localAnswers[name];
  if (local) return mapped(local(context.adapter));
  const mapping: OperationMapping<N> | undefined = context.adapter.operations[name];
  if (!mapping) return { ok: false, code: 'NOT_FOUND' };
  const request = mapping.toUpstream(input, context.memory);
  if ('error' in request) return { ok: false, code: request.error };
  if (signal?.aborted) return { ok: false, code: 'UPSTREAM_UNAVAILABLE' };
  let response: UpstreamResponse;
  try {
    response = await context.send(request, signal);
  } catch (error) {
    return { ok: false, code: error instanceof UpstreamFailure ? error.code : 'UPSTREAM_UNAVAILABLE' };
  }
  const result = mapping.fromUpstream(response, input);
  // The browser's contract, checked on the way out too: an adapter that let a broken value through
  // (a wait of 1e300 s) answers PROVIDER_ERROR instead of handing it on.
  if (result.ok && !operations[name].response.safeParse(result.value).success) return { ok: false, code: 'PROVIDER_ERROR' };
  if (result.ok && result.remember) Object.assign(context.memory, result.remember);
  return result;
}
