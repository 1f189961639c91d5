import { z } from 'zod';
import { errorBody, errorCatalogue } from '../contract/error-catalogue';
import type { ErrorBody, ErrorCode } from '../contract/errors';
import { operations, type OperationName } from '../contract/operations';
import type { Refusal } from '../flow/registration-rules';
import { runOperation, type RunContext } from './run-operation';

export interface ApiReply {
  status: number;
  body: unknown;
}

export type ParsedInput<T> = { ok: true; input: T } | { ok: false; reply: ApiReply };

/** Validates a request body against the operation's contract schema; a failure names each bad field. */
export function parseInput<S extends z.core.$ZodType>(schema: S, raw: unknown): ParsedInput<z.infer<S>> {
  const parsed = z.safeParse(schema, raw ?? {});
  if (parsed.success) return { ok: true, input: parsed.data };
  return { ok: false, reply: errorReply('INVALID_REQUEST', { fields: fieldErrors(parsed.error) }) };
}

function fieldErrors(error: z.core.$ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.join('.') : '_';
    fields[key] ??= issue.code === 'unrecognized_keys' ? 'unknown field' : issue.message;
  }
  return fields;
}

export function errorReply(code: ErrorCode, extra: Pick<ErrorBody, 'fields' | 'retryAfterSeconds'> = {}): ApiReply {
  return { status: errorCatalogue[code].status, body: errorBody(code, extra) };
}

/** A guard's refusal as the catalogue answers it, with the wait when it has one. */
export function refusalReply(refused: Refusal): ApiReply {
  return 'retryAfterSeconds' in refused ? errorReply(refused.code, { retryAfterSeconds: refused.retryAfterSeconds }) : errorReply(refused.code);
}

/**
 * One API call from raw body to reply: contract validation (no upstream call on bad input), the
 * operation, and the error catalogue. The proxy's routes and the demo's handlers both end here.
 */
export async function handleApiCall(name: OperationName, rawBody: unknown, context: RunContext, signal?: AbortSignal): Promise<ApiReply> {
  const parsed = parseInput(operations[name].request, rawBody);
  if (!parsed.ok) return parsed.reply;
  const result = await runOperation(name, parsed.input, context, signal);
  return result.ok ? { status: 200, body: result.value } : errorReply(result.code);
}
