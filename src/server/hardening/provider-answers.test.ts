import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { availabilityResultSchema } from '../../contract/registration';
import { operations } from '../../contract/operations';
import { startFaultUpstream, type FaultUpstream } from '../fault-upstream';
import { startProxy, type ProxyUnderTest } from '../testing';

/** Provider answers are re-checked: R-05's status mapping, and numbers that could not be a wait. */
let upstream: FaultUpstream;
let proxy: ProxyUnderTest;

beforeEach(async () => {
  upstream = await startFaultUpstream();
  proxy = await startProxy(upstream.url, { LOG_LEVEL: 'silent' });
});
afterEach(async () => {
  await proxy.close();
  await upstream.close();
});

const availability = () => proxy.post(operations.checkAvailability.path, { ddi: '55', phone: '11987654321' });
const replyWith = (status: number, body: unknown) =>
  upstream.behave((response) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body)));

describe('provider answers', () => {
  it('a 500 carrying an {error} body is the provider failing (PROVIDER_ERROR), not refusing', async () => {
    replyWith(500, { error: 'Internal failure at 10.0.3.7' });
    const reply = await availability();
    expect(reply.status).toBe(502);
    expect(reply.body).toEqual({ code: 'PROVIDER_ERROR', message: 'The provider failed to answer correctly.' });
    expect(reply.text).not.toContain('10.0.3.7');
  });

  it('a 4xx with an {error} body stays PROVIDER_REJECTED', async () => {
    replyWith(400, { error: 'bad request' });
    expect((await availability()).body).toMatchObject({ code: 'PROVIDER_REJECTED' });
  });

  it.each([1e300, 86_401, '99999999999'])('a wait of %s seconds never reaches the browser: PROVIDER_ERROR', async (wait) => {
    replyWith(200, { available: true, smsWaitSeconds: wait, voiceWaitSeconds: 0, waOldWaitSeconds: 0 });
    const reply = await availability();
    expect(reply.status).toBe(502);
    expect(reply.body).toMatchObject({ code: 'PROVIDER_ERROR' });
    expect(reply.text).not.toMatch(/e\+300|86401|99999999999/);
  });

  it('waits of -1, 0 and a full day pass through unchanged', async () => {
    replyWith(200, { available: true, smsWaitSeconds: 86_400, voiceWaitSeconds: -1, waOldWaitSeconds: 0 });
    expect((await availability()).body).toEqual({ outcome: 'available', waits: { sms: 86_400, voice: -1, wa_old: 0 }, waOldEligible: false });
  });
});

describe('the contract the browser parses answers with', () => {
  const available = (sms: number) => ({ outcome: 'available', waits: { sms, voice: 0, wa_old: 0 }, waOldEligible: true });
  it.each([1e300, 86_401, -2, 1.5])('refuses a wait of %s (the browser then says INVALID_RESPONSE)', (sms) => {
    expect(availabilityResultSchema.safeParse(available(sms)).success).toBe(false);
  });
  it.each([-1, 0, 86_400])('accepts a wait of %s', (sms) => {
    expect(availabilityResultSchema.safeParse(available(sms)).success).toBe(true);
  });
});
