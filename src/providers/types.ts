import type { ErrorCode } from '../contract/errors';
import type { OperationInput, OperationName, OperationOutput } from '../contract/operations';

/** A provider call, relative to the instance's base; credentials are added by the transport. */
export interface UpstreamRequest {
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, string>;
  body?: Record<string, unknown>;
}

/** What came back: the status and the JSON body (null when the body was empty or not JSON). */
export interface UpstreamResponse {
  status: number;
  body: unknown;
}

/**
 * Facts from earlier answers that later calls need but the browser must never see
 * (the appeal token). Kept per instance by whoever runs the operations.
 */
export interface ProviderMemory {
  appealToken?: string;
}

export type Mapped<T> =
  | { ok: true; value: T; remember?: ProviderMemory }
  | { ok: false; code: ErrorCode };

export interface OperationMapping<N extends OperationName> {
  toUpstream(input: OperationInput<N>, memory: ProviderMemory): UpstreamRequest | { error: ErrorCode };
  fromUpstream: (response: UpstreamResponse, input: OperationInput<N>) => Mapped<OperationOutput<N>>;
}

export type OperationMappings = { [N in OperationName]?: OperationMapping<N> };

export interface ProviderAdapter {
  readonly name: 'zapi' | 'wawp';
  readonly operations: OperationMappings;
}

export function mapped<T>(value: T, remember?: ProviderMemory): Mapped<T> {
  return remember ? { ok: true, value, remember } : { ok: true, value };
}

export function failed<T>(code: ErrorCode): Mapped<T> {
  return { ok: false, code };
}
