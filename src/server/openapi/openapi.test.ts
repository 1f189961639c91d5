import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ZodMiniType } from 'zod/mini';
import { errorCatalogue } from '../../contract/error-catalogue';
import { errorCodes } from '../../contract/errors';
import { operationNames, operations } from '../../contract/operations';
import { startTestStack, type TestStack } from '../testing';
import { OPENAPI_PATH, openApiDocument, openApiText } from './document';

const committed = readFileSync(new URL('../../../docs/openapi.json', import.meta.url), 'utf8');

const schemaOf = (schema: ZodMiniType, io: 'input' | 'output') => {
  const generated: Record<string, unknown> = { ...z.toJSONSchema(schema, { io }) };
  delete generated.$schema;
  return generated;
};

const mediaSchema = z.object({ schema: z.unknown(), examples: z.record(z.string(), z.object({ value: z.unknown() })).optional() });
const responseSchema = z.object({ content: z.object({ 'application/json': mediaSchema }) });
const refSchema = z.object({ $ref: z.string() });
const operationSchema = z.object({
  operationId: z.string(),
  requestBody: z.object({ required: z.literal(true), content: z.object({ 'application/json': mediaSchema }) }).optional(),
  responses: z.record(z.string(), z.union([refSchema, responseSchema])),
});
const documentSchema = z.object({
  openapi: z.string(),
  paths: z.record(z.string(), z.record(z.string(), operationSchema)),
  components: z.object({ responses: z.record(z.string(), responseSchema) }),
});

const document = documentSchema.parse(JSON.parse(committed));

/** A response object, following one `#/components/responses/…` reference. */
function resolved(response: z.infer<typeof refSchema> | z.infer<typeof responseSchema>) {
  if (!('$ref' in response)) return response;
  const name = response.$ref.replace('#/components/responses/', '');
  const target = document.components.responses[name];
  if (!target) throw new Error(`dangling reference ${response.$ref}`);
  return target;
}

describe('docs/openapi.json', () => {
  it('is what the contract generates now (npm run openapi rewrites it)', () => {
    expect(committed).toBe(openApiText());
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(openApiDocument());
    expect(result.errors).toBeUndefined();
    expect([result.valid, validator.version]).toEqual([true, '3.1']);
    // The validator does refuse a broken document.
    const broken = { ...openApiDocument(), paths: { [operations.getStatus.path]: { get: { responses: 'none' } } } };
    expect((await new Validator().validate(broken)).valid).toBe(false);
  });

  it.each(operationNames)('describes %s with its request, its answer and every catalogue error', (name) => {
    const definition = operations[name];
    const operation = document.paths[definition.path]?.[definition.method.toLowerCase()];
    expect(operation?.operationId).toBe(name);
    if (!operation) return;
    if (definition.method === 'POST') {
      expect(operation.requestBody?.content['application/json'].schema).toEqual(schemaOf(definition.request, 'input'));
    } else {
      expect(operation.requestBody).toBeUndefined();
    }
    const ok = operation.responses['200'];
    expect(ok && resolved(ok).content['application/json'].schema).toEqual(schemaOf(definition.response, 'output'));
    for (const code of errorCodes) {
      const { status, message } = errorCatalogue[code];
      const response = operation.responses[String(status)];
      expect(response, `${code} (${status})`).toBeDefined();
      if (!response) continue;
      const media = resolved(response).content['application/json'];
      expect(JSON.stringify(media.schema)).toContain(`"${code}"`);
      expect(media.examples?.[code]?.value).toEqual({ code, message });
    }
  });

  it('names the fields a request needs', () => {
    const body = document.paths[operations.checkAvailability.path]?.post?.requestBody?.content['application/json'].schema;
    expect(body).toMatchObject({ type: 'object', required: ['ddi', 'phone'], additionalProperties: false });
  });
});

describe(`GET ${OPENAPI_PATH}`, () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ LOG_LEVEL: 'silent' });
  });
  afterAll(async () => {
    await stack.close();
  });

  it('serves the same document behind the operator credential', async () => {
    const reply = await stack.get(OPENAPI_PATH);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(reply.text).toBe(committed);
    expect((await fetch(`${stack.server.url}${OPENAPI_PATH}`)).status).toBe(401);
  });
});
