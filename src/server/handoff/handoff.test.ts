import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { handoffLinkSchema, handoffOwnerOperations, handoffSubmissionSchema, handoffViewSchema } from '../../contract/handoff';
import { journeySchema } from '../../contract/journey';
import { operations } from '../../contract/operations';
import { magicNumbers, simulatedSecrets } from '../../fake-provider/scenarios';
import { canary, clockedStacks, operatorToken, readReply, type TestReply, type TestStack } from '../testing/proxy-under-test';
import { HANDOFF_LIFETIME_MS } from '../../flow/limits';
import { LOOKUP_FAILURES } from './handoff-service';

/**
 * Hand-off links against the real proxy: the owner's calls carry no operator credential, only the
 * link's token, and reach the same guards and counters as the operator's own entry.
 */
const stacks = clockedStacks();

/** A call as the owner's phone makes it: no credential, same origin. */
async function owner(proxy: TestStack, path: string, body: unknown, headers: Record<string, string> = {}): Promise<TestReply> {
  const response = await fetch(`${proxy.server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return readReply(response);
}

const paths = {
  open: handoffOwnerOperations.openHandoff.path,
  code: handoffOwnerOperations.submitHandoffCode.path,
  pin: handoffOwnerOperations.submitHandoffPin.path,
  recovery: handoffOwnerOperations.recoverHandoffPin.path,
};

async function codeStep(proxy: TestStack, phone = '11987654321'): Promise<void> {
  const number = { ddi: '55', phone };
  expect((await proxy.post(operations.checkAvailability.path, number)).status).toBe(200);
  expect((await proxy.post(operations.requestCode.path, { ...number, method: 'sms' })).body).toMatchObject({ outcome: 'sent' });
}

async function newLink(proxy: TestStack): Promise<string> {
  const reply = await proxy.post(operations.createHandoff.path, {});
  expect(reply.status).toBe(200);
  return handoffLinkSchema.parse(reply.body).token;
}

async function journey(proxy: TestStack) {
  const reply = await proxy.get(operations.getJourney.path);
  expect(reply.status).toBe(200);
  return journeySchema.parse(reply.body);
}

const full = '11987654321';

describe('the journey answer', () => {
  it('tells where the journey is, with true waits as absolute times and no secret', async () => {
    const proxy = await stacks.start();
    expect((await journey(proxy)).step).toBe('none');
    const sentAt = stacks.clock.now();
    await codeStep(proxy);
    stacks.clock.advance(20_000);
    const now = await journey(proxy);
    expect(now).toMatchObject({
      step: 'available',
      number: { ddi: '55', phone: full, masked: '+55 *********21' },
      codeSent: true,
      sentMethod: 'sms',
      resendAt: sentAt + 60_000,
      codeExpiresAt: sentAt + 10 * 60_000,
      wrongCodes: 0,
      handoff: null,
      now: sentAt + 20_000,
    });
    // Past the code's lifetime there is no code to offer any more.
    stacks.clock.advance(10 * 60_000);
    expect((await journey(proxy)).codeSent).toBe(false);
  });
});

describe('a hand-off link', () => {
  it('lets the owner type the code without the operator credential, through the same counters', async () => {
    const proxy = await stacks.start();
    await codeStep(proxy);
    const token = await newLink(proxy);
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect((await journey(proxy)).handoff).toEqual({ step: 'code', expiresAt: stacks.clock.now() + HANDOFF_LIFETIME_MS, opened: false });

    const opened = await owner(proxy, paths.open, { token });
    expect(opened.status).toBe(200);
    expect(handoffViewSchema.parse(opened.body)).toEqual({
      outcome: 'open',
      step: 'code',
      brand: 'WhatsApp onboarding',
      maskedNumber: '+55 *********21',
      expiresAt: stacks.clock.now() + HANDOFF_LIFETIME_MS,
      attemptsLeft: 5,
    });
    expect((await journey(proxy)).handoff?.opened).toBe(true);

    // A wrong code counts once, against the very counter the operator's entries use.
    expect((await owner(proxy, paths.code, { token, code: '000000' })).body).toEqual({ outcome: 'wrong', attemptsLeft: 4 });
    expect((await journey(proxy)).wrongCodes).toBe(1);
    expect((await proxy.post(operations.confirmCode.path, { code: '000001' })).body).toEqual({ outcome: 'wrong-code' });
    expect((await owner(proxy, paths.open, { token })).body).toMatchObject({ attemptsLeft: 3 });

    const right = await owner(proxy, paths.code, { token, code: simulatedSecrets.registrationCode });
    expect(right.body).toEqual({ outcome: 'connected' });
    const after = await journey(proxy);
    expect(after.step).toBe('connected');
    expect(after.lastEntry).toEqual({ by: 'owner', at: stacks.clock.now() });
    expect(after.handoff).toBeNull();

    // Used: it says so and changes nothing.
    const before = proxy.provider.hits.get('/mobile/confirm-registration-code');
    expect((await owner(proxy, paths.code, { token, code: simulatedSecrets.registrationCode })).body).toEqual({ outcome: 'used' });
    expect((await owner(proxy, paths.open, { token })).body).toEqual({ outcome: 'used' });
    expect(proxy.provider.hits.get('/mobile/confirm-registration-code')).toBe(before);

    for (const reply of [opened, right]) {
      for (const secret of [full, operatorToken, canary.instanceToken, canary.clientToken, canary.instanceId]) expect(reply.text).not.toContain(secret);
    }
  });

  it('counts each submission that reaches the provider once, never twice, and logs no token or number', async () => {
    const proxy = await stacks.start({ LOG_LEVEL: 'info' });
    await codeStep(proxy);
    const token = await newLink(proxy);
    const replies = await Promise.all(Array.from({ length: 4 }, () => owner(proxy, paths.code, { token, code: '000000' })));
    // Identical submissions in flight together share one provider call; each call counts exactly once.
    const hits = proxy.provider.hits.get('/mobile/confirm-registration-code') ?? 0;
    const wrongCodes = (await journey(proxy)).wrongCodes;
    expect(hits).toBeGreaterThanOrEqual(1);
    expect(wrongCodes).toBe(hits);
    const left = replies.map((reply) => handoffSubmissionSchema.parse(reply.body)).map((body) => (body.outcome === 'wrong' ? body.attemptsLeft : -1));
    expect(Math.min(...left)).toBe(5 - wrongCodes);
    const logs = proxy.logs.join('\n');
    expect(logs).toContain('request completed');
    for (const secret of [token, full, '000000']) expect(logs).not.toContain(secret);
  });

  it('holds the wrong-code limit whoever types: the sixth is refused before the provider', async () => {
    const proxy = await stacks.start();
    await codeStep(proxy);
    const token = await newLink(proxy);
    for (let guess = 0; guess < 3; guess += 1) await proxy.post(operations.confirmCode.path, { code: `00000${guess}` });
    expect((await owner(proxy, paths.code, { token, code: '000007' })).body).toEqual({ outcome: 'wrong', attemptsLeft: 1 });
    expect((await owner(proxy, paths.code, { token, code: '000008' })).body).toEqual({ outcome: 'wrong', attemptsLeft: 0 });
    const hits = proxy.provider.hits.get('/mobile/confirm-registration-code');
    const sixth = await owner(proxy, paths.code, { token, code: simulatedSecrets.registrationCode });
    expect(sixth.status).toBe(429);
    expect(sixth.body).toMatchObject({ code: 'RATE_LIMITED' });
    expect(proxy.provider.hits.get('/mobile/confirm-registration-code')).toBe(hits);
  });

  it('works for its step only, and not once the journey has moved on', async () => {
    const proxy = await stacks.start();
    expect((await proxy.post(operations.createHandoff.path, {})).status).toBe(409);
    await codeStep(proxy, magicNumbers.pin);
    const token = await newLink(proxy);
    expect((await owner(proxy, paths.pin, { token, pin: simulatedSecrets.pin })).status).toBe(409);
    expect((await owner(proxy, paths.recovery, { token })).status).toBe(409);
    // The operator types the code himself: the journey leaves the code step and the link is dead.
    expect((await proxy.post(operations.confirmCode.path, { code: simulatedSecrets.registrationCode })).body).toEqual({ outcome: 'pin-required' });
    expect((await owner(proxy, paths.open, { token })).body).toEqual({ outcome: 'expired' });
    expect((await owner(proxy, paths.code, { token, code: simulatedSecrets.registrationCode })).body).toEqual({ outcome: 'expired' });

    // The PIN step gets its own link; a wrong PIN counts, the right one connects.
    const pinToken = await newLink(proxy);
    expect((await owner(proxy, paths.open, { token: pinToken })).body).toMatchObject({ outcome: 'open', step: 'pin', attemptsLeft: 5 });
    expect((await owner(proxy, paths.code, { token: pinToken, code: simulatedSecrets.registrationCode })).status).toBe(409);
    expect((await owner(proxy, paths.pin, { token: pinToken, pin: '111111' })).body).toEqual({ outcome: 'wrong', attemptsLeft: 4 });
    expect((await owner(proxy, paths.recovery, { token: pinToken })).body).toEqual({ outcome: 'recovery-sent' });
    expect((await owner(proxy, paths.pin, { token: pinToken, pin: simulatedSecrets.pin })).body).toEqual({ outcome: 'connected' });
    expect((await journey(proxy)).step).toBe('connected');
  });

  it('expires after 15 minutes, can be revoked, and one live link per step replaces the one before', async () => {
    const proxy = await stacks.start();
    await codeStep(proxy);
    const first = await newLink(proxy);
    const second = await newLink(proxy);
    expect((await owner(proxy, paths.open, { token: first })).body).toEqual({ outcome: 'revoked' });
    expect((await proxy.post(operations.revokeHandoff.path, {})).body).toEqual({ outcome: 'revoked' });
    expect((await owner(proxy, paths.code, { token: second, code: simulatedSecrets.registrationCode })).body).toEqual({ outcome: 'revoked' });
    expect((await proxy.post(operations.revokeHandoff.path, {})).body).toEqual({ outcome: 'none' });
    const third = await newLink(proxy);
    stacks.clock.advance(HANDOFF_LIFETIME_MS);
    expect((await owner(proxy, paths.open, { token: third })).body).toEqual({ outcome: 'expired' });
    expect((await journey(proxy)).step).toBe('available');
  });

  it('grants nothing else: no status, no other operation, no operator rights', async () => {
    const proxy = await stacks.start();
    await codeStep(proxy);
    const token = await newLink(proxy);
    for (const [method, path] of [
      ['GET', operations.getStatus.path],
      ['GET', operations.getJourney.path],
      ['GET', operations.getTimeline.path],
      ['POST', operations.confirmCode.path],
      ['POST', operations.createHandoff.path],
      ['POST', operations.requestCode.path],
    ] as const) {
      const response = await fetch(`${proxy.server.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(method === 'POST' ? { 'content-type': 'application/json' } : {}) },
        ...(method === 'POST' ? { body: JSON.stringify({ token, code: simulatedSecrets.registrationCode }) } : {}),
      });
      expect(response.status, `${method} ${path}`).toBe(401);
    }
    // The console's own page needs the operator; only the owner's page and the assets do not.
    expect((await fetch(`${proxy.server.url}/`)).status).toBe(401);
    expect((await journey(proxy)).step).toBe('available');
  });

  it('finds nothing behind 10,000 random links, and answers 429 after the first few', async () => {
    const proxy = await stacks.start();
    await codeStep(proxy);
    await newLink(proxy);
    const statuses = new Map<number, number>();
    const tokens = Array.from({ length: 10_000 }, () => randomBytes(16).toString('base64url'));
    for (let batch = 0; batch < tokens.length; batch += 100) {
      const replies = await Promise.all(tokens.slice(batch, batch + 100).map((token) => owner(proxy, paths.open, { token })));
      for (const reply of replies) statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
    }
    expect(statuses.get(200)).toBeUndefined();
    // Lookups racing in one batch may each see fewer than the limit; never more than a batch over it.
    expect(statuses.get(404) ?? 0).toBeGreaterThanOrEqual(LOOKUP_FAILURES);
    expect(statuses.get(404) ?? 0).toBeLessThanOrEqual(LOOKUP_FAILURES + 100);
    expect(statuses.get(429) ?? 0).toBeGreaterThanOrEqual(10_000 - LOOKUP_FAILURES - 100);
  }, 60_000);
});
