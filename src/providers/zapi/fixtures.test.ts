import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { operations, type OperationName } from '../../contract/operations';
import { runOperation } from '../../gateway/run-operation';
import { readFixture, sharedFixturesDir, zapiManifest } from '../../test/shared-fixtures';
import type { ProviderMemory, UpstreamRequest } from '../types';
import { zapiAdapter } from './index';

/**
 * Every body in the provider's documentation must pass through the adapter: responses come out as
 * valid contract answers, and requests are exactly what the adapter sends for the browser's input.
 */

interface DocMapping {
  operation: OperationName;
  /** The browser's input that corresponds to the documented request body. */
  input: (documented: Record<string, unknown>) => unknown;
  /** What the proxy remembers from earlier answers (the appeal token). */
  memory?: (documented: Record<string, unknown>) => ProviderMemory;
}

const sample = { ddi: '55', phone: '4499999999' };

const zapiDocs: Record<string, DocMapping> = {
  'mobile.registration-available': { operation: 'checkAvailability', input: (body) => body },
  'mobile.request-code': { operation: 'requestCode', input: (body) => body },
  'mobile.captcha-confirm': { operation: 'answerCaptcha', input: (body) => ({ answer: body.captcha }) },
  'mobile.confirm-code': { operation: 'confirmCode', input: (body) => ({ code: body.code }) },
  'mobile.confirm-security-code': { operation: 'confirmPin', input: (body) => ({ pin: body.code }) },
  'mobile.forgot-security-code': { operation: 'recoverPin', input: () => ({}) },
  'mobile.request-unbanning': {
    operation: 'requestUnbanning',
    input: (body) => ({ description: body.description }),
    memory: (body) => ({ appealToken: String(body.appealToken) }),
  },
  'mobile.get-account-email': { operation: 'getAccountEmail', input: () => ({}) },
  'mobile.set-account-email': { operation: 'setAccountEmail', input: (body) => ({ email: body.email }) },
  'mobile.verify-email': { operation: 'verifyAccountEmail', input: (body) => ({ code: body.verificationCode }) },
  'mobile.remove-account-email': { operation: 'removeAccountEmail', input: () => ({}) },
  'mobile.get-has-security-code': { operation: 'getPinStatus', input: () => ({}) },
  'mobile.set-security-code': { operation: 'setPin', input: (body) => ({ pin: body.code }) },
  'mobile.remove-security-code': { operation: 'removePin', input: () => ({}) },
};

/** Documented routes the console does not offer as operations yet. */
const notOffered = new Set([
  'instance.restart',
]);

const sampleInputs: Partial<Record<OperationName, unknown>> = {
  checkAvailability: sample,
  requestCode: { ...sample, method: 'sms' },
  answerCaptcha: { answer: '123456' },
  confirmCode: { code: '123456' },
  confirmPin: { pin: '123456' },
  recoverPin: {},
  confirmTransfer: {},
  requestUnbanning: { description: 'I was chatting normally and got banned' },
  getAccountEmail: {},
  setAccountEmail: { email: 'example@email.com' },
  verifyAccountEmail: { code: '123456' },
  removeAccountEmail: {},
  getPinStatus: {},
  setPin: { pin: '123456' },
  removePin: {},
};

/** Runs the operation with the provider answering `body`, and records what was sent. */
async function run(operation: OperationName, input: unknown, body: unknown, memory: ProviderMemory = {}) {
  const sent: UpstreamRequest[] = [];
  const result = await runOperation(operation, operations[operation].request.parse(input), {
    adapter: zapiAdapter,
    memory,
    send: (request) => {
      sent.push(request);
      return Promise.resolve({ status: 200, body });
    },
  });
  return { result, sent, memory };
}

const fromUpstream = async (operation: OperationName, body: unknown) =>
  (await run(operation, sampleInputs[operation], body, { appealToken: 'Ae1C-sample' })).result;
/** The contract answer (or the catalogue code) for a documented response body. */
async function outcome(operation: OperationName, file: string) {
  const result = await fromUpstream(operation, readFixture('zapi-docs', file));
  return result.ok ? result.value : result.code;
}
const documentedBody = (file: string) => z.record(z.string(), z.unknown()).parse(readFixture('zapi-docs', file));

const manifest = zapiManifest();

describe('Z-API documentation fixtures', () => {
  it('maps every documented route to an operation, or lists it as not offered', () => {
    const unmapped = manifest.map((entry) => entry.doc).filter((doc) => !(doc in zapiDocs) && !notOffered.has(doc));
    expect(unmapped).toEqual([]);
  });

  const responses = manifest.filter((entry) => entry.kind === 'response' && entry.doc in zapiDocs);
  it.each(responses)('$file parses into a valid contract answer', async ({ file, doc }) => {
    const mapping = zapiDocs[doc];
    if (!mapping) throw new Error(doc);
    const result = await fromUpstream(mapping.operation, readFixture('zapi-docs', file));
    expect(result.ok).toBe(true);
    if (result.ok) expect(operations[mapping.operation].response.safeParse(result.value).success).toBe(true);
  });

  const requests = manifest.filter((entry) => entry.kind === 'request' && entry.doc in zapiDocs);
  it.each(requests)('$file is what the adapter sends for the same browser input', async ({ file, doc, method, path }) => {
    const mapping = zapiDocs[doc];
    if (!mapping) throw new Error(doc);
    const documented = documentedBody(file);
    const { sent } = await run(mapping.operation, mapping.input(documented), {}, mapping.memory?.(documented));
    expect(sent).toEqual([{ method, path, body: documented }]);
  });

  it('reads the documented answers as the journey needs them', async () => {
    expect(await outcome('checkAvailability', 'mobile.registration-available.response.1.json')).toEqual({
      outcome: 'available',
      waits: { sms: 0, voice: 0, wa_old: 0 },
      waOldEligible: true,
    });
    expect(await outcome('checkAvailability', 'mobile.registration-available.response.2.json')).toEqual({ outcome: 'banned' });
    expect(await outcome('requestCode', 'mobile.request-code.response.1.json')).toEqual({
      outcome: 'sent',
      method: 'sms',
      retryAfterSeconds: 165,
      waits: { sms: 125, voice: 125, wa_old: 125 },
    });
    expect(await outcome('requestCode', 'mobile.request-code.response.2.json')).toEqual({ outcome: 'blocked' });
    expect(await outcome('confirmCode', 'mobile.confirm-code.response.2.json')).toEqual({ outcome: 'pin-required' });
    expect(await outcome('requestUnbanning', 'mobile.request-unbanning.response.1.json')).toEqual({ outcome: 'in-review' });
    expect(await outcome('requestUnbanning', 'mobile.request-unbanning.response.2.json')).toEqual({ outcome: 'unbanned' });
  });

  it('reads the documented account-security answers', async () => {
    expect(await outcome('getAccountEmail', 'mobile.get-account-email.response.1.json')).toEqual({
      hasEmail: true,
      email: 'example@email.com',
      verified: true,
    });
    expect(await outcome('setAccountEmail', 'mobile.set-account-email.response.1.json')).toEqual({ outcome: 'verification-sent' });
    expect(await outcome('verifyAccountEmail', 'mobile.verify-email.response.1.json')).toEqual({ outcome: 'verified' });
    expect(await outcome('removeAccountEmail', 'mobile.remove-account-email.response.1.json')).toEqual({ outcome: 'removed' });
    expect(await outcome('getPinStatus', 'mobile.get-has-security-code.response.1.json')).toEqual({ hasPin: true });
    expect(await outcome('setPin', 'mobile.set-security-code.response.1.json')).toEqual({ outcome: 'saved' });
    expect(await outcome('removePin', 'mobile.remove-security-code.response.1.json')).toEqual({ outcome: 'removed' });
  });

  it('keeps the appeal token of a banned number for the appeal, out of the answer', async () => {
    const body = readFixture('zapi-docs', 'mobile.registration-available.response.2.json');
    const { result, memory } = await run('checkAvailability', sample, body);
    expect(memory.appealToken).toMatch(/^Ae0B_/);
    expect(JSON.stringify(result.ok && result.value)).not.toContain('Ae0B_');
  });
});

const seedOutcomes: Record<string, { operation: OperationName; outcome: string } | 'request' | 'other provider'> = {
  'mobile.confirm-code.request.json': 'request',
  'mobile.confirm-code.response.device-transfer.json': { operation: 'confirmCode', outcome: 'transfer-required' },
  'mobile.confirm-code.response.security-code.json': { operation: 'confirmCode', outcome: 'pin-required' },
  'mobile.request-code.response.banned.json': { operation: 'requestCode', outcome: 'blocked' },
  'mobile.request-code.response.success.json': { operation: 'requestCode', outcome: 'sent' },
  'security.email.response.json': { operation: 'setAccountEmail', outcome: 'verification-sent' },
  // Wawp's bodies go through the Wawp adapter: src/providers/linking-fixtures.test.ts.
  'wawp.auth.request-code.request.json': 'other provider',
  'wawp.auth.request-code.response.json': 'other provider',
};

describe('seed fixtures', () => {
  it('lists every seed fixture', () => {
    expect(readdirSync(join(sharedFixturesDir, 'seeds')).sort()).toEqual(Object.keys(seedOutcomes).sort());
  });

  it.each(Object.entries(seedOutcomes).flatMap(([file, expected]) => (typeof expected === 'object' ? [{ file, ...expected }] : [])))(
    '$file maps to $outcome',
    async ({ file, operation, outcome }) => {
      const result = await fromUpstream(operation, readFixture('seeds', file));
      expect(result.ok && result.value).toMatchObject({ outcome });
    },
  );

  it('sends the seed confirm-code request body for the same browser input', async () => {
    const { sent } = await run('confirmCode', { code: '123456' }, { success: true });
    expect(sent[0]?.body).toEqual(readFixture('seeds', 'mobile.confirm-code.request.json'));
  });
});
