import { z } from 'zod/mini';
import { embedSessionOperation } from '../../contract/embed';
import { errorCatalogue } from '../../contract/error-catalogue';
import { errorBodySchema, errorCodes, type ErrorCode } from '../../contract/errors';
import { API_PREFIX, operationNames, operations, type OperationDefinition } from '../../contract/operations';

export const OPENAPI_PATH = `${API_PREFIX}/openapi.json`;

type JsonSchema = Record<string, unknown>;

/** A contract schema as a JSON Schema 2020-12 object (the dialect of OpenAPI 3.1), without `$schema`. */
function jsonSchema(schema: z.ZodMiniType, io: 'input' | 'output'): JsonSchema {
  const generated: JsonSchema = { ...z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'throw' }) };
  delete generated.$schema;
  return generated;
}

/** Catalogue codes grouped by the HTTP status they are answered with. */
function codesByStatus(): Map<number, ErrorCode[]> {
  const groups = new Map<number, ErrorCode[]>();
  for (const code of errorCodes) {
    const status = errorCatalogue[code].status;
    groups.set(status, [...(groups.get(status) ?? []), code]);
  }
  return new Map([...groups].sort(([a], [b]) => a - b));
}

/** One response per error status: every catalogue code it may carry, each with its fixed message as an example. */
function errorResponses(): Record<string, unknown> {
  const responses: Record<string, unknown> = {};
  for (const [status, codes] of codesByStatus()) {
    responses[`Error${status}`] = {
      description: codes.join(', '),
      content: {
        'application/json': {
          schema: {
            allOf: [{ $ref: '#/components/schemas/ErrorBody' }, { type: 'object', properties: { code: { enum: codes } } }],
          },
          examples: Object.fromEntries(codes.map((code) => [code, { value: { code, message: errorCatalogue[code].message } }])),
        },
      },
    };
  }
  return responses;
}

function operationObject(operationId: string, definition: OperationDefinition<z.ZodMiniType, z.ZodMiniType>, extra: Record<string, unknown> = {}) {
  const request = definition.method === 'POST'
    ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(definition.request, 'input') } } } }
    : {};
  return {
    operationId,
    ...extra,
    ...request,
    responses: {
      '200': { description: 'The answer', content: { 'application/json': { schema: jsonSchema(definition.response, 'output') } } },
      // Any operation may meet any of them: the guards, the credential, the body checks and the provider.
      ...Object.fromEntries([...codesByStatus().keys()].map((status) => [String(status), { $ref: `#/components/responses/Error${status}` }])),
    },
  };
}

/**
 * The proxy's API as OpenAPI 3.1, generated from the zod contract (src/contract) that the proxy,
 * the browser and the demo already share, so the document cannot drift from what is served.
 */
export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const add = (path: string, method: 'GET' | 'POST', operation: unknown) => {
    paths[path] = { ...paths[path], [method.toLowerCase()]: operation };
  };
  for (const name of operationNames) {
    const definition = operations[name];
    add(definition.path, definition.method, operationObject(name, definition));
  }
  add(
    embedSessionOperation.path,
    embedSessionOperation.method,
    operationObject('openEmbedSession', embedSessionOperation, {
      description: 'Exchanges a signed embed token for a session (only when embedding is on); needs no other credential.',
      security: [],
    }),
  );
  return {
    openapi: '3.1.1',
    info: {
      title: 'wa-onboarding proxy API',
      version: '1',
      description: 'Every call the console makes to its proxy. Failures answer with a code of the error catalogue.',
    },
    security: [{ operatorBearer: [] }, { operatorBasic: [] }, { embedSession: [] }],
    paths,
    components: {
      schemas: { ErrorBody: jsonSchema(errorBodySchema, 'output') },
      responses: errorResponses(),
      securitySchemes: {
        operatorBearer: { type: 'http', scheme: 'bearer', description: 'OPERATOR_TOKEN' },
        operatorBasic: { type: 'http', scheme: 'basic', description: 'OPERATOR_USER and OPERATOR_PASSWORD, or any user with OPERATOR_TOKEN' },
        embedSession: { type: 'http', scheme: 'bearer', bearerFormat: 'es_…', description: 'An embed session from openEmbedSession' },
      },
    },
  };
}

/** The document as committed in docs/openapi.json: two-space JSON and a final newline. */
export const openApiText = (): string => `${JSON.stringify(openApiDocument(), null, 2)}\n`;
