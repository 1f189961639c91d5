import { describe, expect, it } from 'vitest';
import { handoffLinkSchema, handoffOwnerOperations } from '../../contract/handoff';
import { operations } from '../../contract/operations';
import { supportBundleSchema, timelineSchema, type TimelineEvent } from '../../contract/timeline';
import { magicNumbers, simulatedSecrets } from '../../fake-provider/scenarios';
import { canary, clockedStacks, operatorToken, type TestStack } from '../testing/proxy-under-test';

/** Journeys against the real proxy, and their timeline read back from the API, event by event. */
const stacks = clockedStacks();

/** The timeline oldest first, without the times (each step below moves the clock by a second). */
async function timeline(proxy: TestStack): Promise<Array<Partial<TimelineEvent>>> {
  const reply = await proxy.get(operations.getTimeline.path);
  expect(reply.status).toBe(200);
  const events = timelineSchema.parse(reply.body).events;
  const times = events.map((event) => event.at);
  expect(times, 'newest first').toEqual([...times].sort((a, b) => b - a));
  return events.reverse().map((event) => {
    const rest: Partial<TimelineEvent> = { ...event };
    delete rest.at;
    return rest;
  });
}

const happy = { ddi: '55', phone: '11987654321' };
const masked = '+55 *********21';
const e = (kind: TimelineEvent['kind'], step: string, outcome: string, extra: Partial<TimelineEvent> = {}): Omit<TimelineEvent, 'at'> => ({
  kind,
  number: masked,
  step,
  outcome,
  code: null,
  method: null,
  by: 'operator',
  ...extra,
});

async function step<T>(action: () => Promise<T>): Promise<T> {
  stacks.clock.advance(1_000);
  return action();
}

/** Everything secret that went through the journeys below; none may be in a timeline or a bundle. */
const secrets = [happy.phone, magicNumbers.bannedInReview, simulatedSecrets.registrationCode, simulatedSecrets.pin, simulatedSecrets.emailVerificationCode, 'ana@example.com', operatorToken, canary.instanceToken, canary.clientToken, canary.instanceId];

async function expectCleanBundle(proxy: TestStack, extraSecrets: string[] = []): Promise<void> {
  const reply = await proxy.get(`${operations.getTimeline.path}?format=bundle`);
  expect(reply.status).toBe(200);
  const bundle = supportBundleSchema.parse(reply.body);
  expect(bundle.versions.console).toMatch(/^\d+\.\d+\.\d+/);
  expect(bundle.versions.proxy).toMatch(/^\d+\.\d+\.\d+/);
  expect(bundle.provider).toBe('zapi');
  expect(bundle.events.length).toBeGreaterThan(0);
  for (const secret of [...secrets, ...extraSecrets]) expect(reply.text, 'a secret in the support bundle').not.toContain(secret);
}

describe('the onboarding timeline', () => {
  it('tells the happy path event by event, and its support bundle holds no secret', async () => {
    const proxy = await stacks.start();
    await step(() => proxy.post(operations.checkAvailability.path, happy));
    await step(() => proxy.post(operations.requestCode.path, { ...happy, method: 'sms' }));
    await step(() => proxy.post(operations.requestCode.path, { ...happy, method: 'voice' }));
    await step(() => proxy.post(operations.confirmCode.path, { code: '000000' }));
    await step(() => proxy.post(operations.confirmCode.path, { code: simulatedSecrets.registrationCode }));
    await step(() => proxy.post(operations.setAccountEmail.path, { email: 'ana@example.com' }));
    await step(() => proxy.post(operations.verifyAccountEmail.path, { code: simulatedSecrets.emailVerificationCode }));
    await step(() => proxy.post(operations.setPin.path, { pin: simulatedSecrets.pin }));
    expect(await timeline(proxy)).toEqual([
      e('availability', 'available', 'available'),
      e('code-request', 'available', 'sent', { method: 'sms' }),
      e('code-request', 'available', 'refused', { method: 'voice', code: 'RATE_LIMITED' }),
      e('code', 'available', 'wrong-code'),
      e('code', 'connected', 'connected'),
      e('connected', 'connected', 'connected'),
      e('account-email', 'connected', 'verification-sent'),
      e('account-email-verification', 'connected', 'verified'),
      e('account-pin', 'connected', 'saved'),
    ]);
    await expectCleanBundle(proxy);
  });

  it('tells the banned path event by event', async () => {
    const proxy = await stacks.start();
    const banned = { ddi: '55', phone: magicNumbers.bannedInReview };
    await step(() => proxy.post(operations.checkAvailability.path, banned));
    await step(() => proxy.post(operations.requestCode.path, { ...banned, method: 'sms' }));
    await step(() => proxy.post(operations.requestUnbanning.path, { description: 'This number belongs to our support desk since 2019.' }));
    const bannedMasked = '+55 *********02';
    expect(await timeline(proxy)).toEqual([
      e('availability', 'banned', 'banned', { number: bannedMasked }),
      e('code-request', 'banned', 'refused', { number: bannedMasked, method: 'sms', code: 'STEP_OUT_OF_ORDER' }),
      e('appeal', 'closed', 'in-review', { number: bannedMasked }),
    ]);
    await expectCleanBundle(proxy, ['support desk']);
  });

  it('tells a hand-off run event by event, naming who typed each entry', async () => {
    const proxy = await stacks.start();
    await step(() => proxy.post(operations.checkAvailability.path, happy));
    await step(() => proxy.post(operations.requestCode.path, { ...happy, method: 'sms' }));
    const created = await step(() => proxy.post(operations.createHandoff.path, {}));
    const { token } = handoffLinkSchema.parse(created.body);
    const owner = (path: string, body: unknown) =>
      step(() => fetch(`${proxy.server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));
    await owner(handoffOwnerOperations.openHandoff.path, { token });
    await owner(handoffOwnerOperations.submitHandoffCode.path, { token, code: '000000' });
    await owner(handoffOwnerOperations.submitHandoffCode.path, { token, code: simulatedSecrets.registrationCode });
    const byOwner = { by: 'owner' } as const;
    expect(await timeline(proxy)).toEqual([
      e('availability', 'available', 'available'),
      e('code-request', 'available', 'sent', { method: 'sms' }),
      e('handoff-created', 'available', 'created'),
      e('handoff-opened', 'available', 'opened', byOwner),
      e('code', 'available', 'wrong-code', byOwner),
      e('code', 'connected', 'connected', byOwner),
      e('connected', 'connected', 'connected', byOwner),
      e('handoff-used', 'connected', 'used', byOwner),
    ]);
    await expectCleanBundle(proxy, [token]);
  });

  it('is the operator’s only: the owner’s token and no credential read nothing', async () => {
    const proxy = await stacks.start();
    await proxy.post(operations.checkAvailability.path, happy);
    const anonymous = await fetch(`${proxy.server.url}${operations.getTimeline.path}?format=bundle`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).not.toContain(masked);
  });
});
