import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { manualClock } from './clock';
import { magicNumbers, simulatedSecrets } from './scenarios';
import { createSimulatedProvider } from './simulated-provider';

const credentials = { instanceId: 'inst', instanceToken: 'tok', clientToken: 'client' };
const base = '/instances/inst/token/tok';

function setup() {
  const clock = manualClock();
  const provider = createSimulatedProvider({ instances: [credentials], clock, random: () => 0.5 });
  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    provider.handle({
      method,
      path: `${base}${path}`,
      query: new URLSearchParams(),
      headers: { 'client-token': 'client', 'content-type': 'application/json', ...headers },
      body,
    });
  const post = (path: string, body?: unknown) => call('POST', path, body);
  return { clock, provider, call, post };
}

const number = (phone: string) => ({ ddi: '55', phone });
const happy = number('11987654321');

describe('the simulated provider speaks Z-API', () => {
  it('checks the credentials in the path and the Client-Token header', () => {
    const { provider } = setup();
    const request = { method: 'GET', query: new URLSearchParams(), body: undefined };
    expect(provider.handle({ ...request, path: '/instances/inst/token/wrong/status', headers: { 'client-token': 'client' } }).status).toBe(404);
    expect(provider.handle({ ...request, path: `${base}/status`, headers: {} }).body).toEqual({ error: 'null not allowed' });
    expect(provider.handle({ ...request, path: `${base}/status`, headers: { 'client-token': 'nope' } }).body).toMatchObject({
      error: expect.stringContaining('not allowed') as unknown,
    });
  });

  it('answers unknown routes, wrong verbs and missing content types as Z-API does', () => {
    const { call } = setup();
    expect(call('POST', '/mobile/request-code', {}).body).toMatchObject({ error: 'NOT_FOUND' });
    expect(call('GET', '/mobile/registration-available').status).toBe(405);
    expect(call('POST', '/mobile/registration-available', happy, { 'content-type': 'text/plain' }).status).toBe(415);
  });

  it('registers the happy path with code 123456', () => {
    const { post, call } = setup();
    expect(post('/mobile/registration-available', happy).body).toEqual({
      available: true,
      smsWaitSeconds: 0,
      voiceWaitSeconds: 0,
      waOldWaitSeconds: 0,
      waOldEligible: true,
    });
    expect(post('/mobile/request-registration-code', { ...happy, method: 'sms' }).body).toEqual({
      success: true,
      retryAfter: 60,
      smsWaitSeconds: 60,
      voiceWaitSeconds: 60,
      waOldWaitSeconds: 60,
      method: 'sms',
    });
    expect(post('/mobile/confirm-registration-code', { code: '654321' }).body).toEqual({ success: false });
    expect(post('/mobile/confirm-registration-code', { code: simulatedSecrets.registrationCode }).body).toEqual({ success: true });
    expect(call('GET', '/status').body).toMatchObject({ connected: true });
  });

  it('requires the availability check of the same number before a code request', () => {
    const { post } = setup();
    expect(post('/mobile/request-registration-code', { ...happy, method: 'sms' }).body).toEqual({ success: false });
    post('/mobile/registration-available', happy);
    expect(post('/mobile/request-registration-code', { ...number('11912345678'), method: 'sms' }).body).toEqual({ success: false });
  });

  it('refuses a new code before the wait, and counts the wait down with the clock', () => {
    const { post, clock } = setup();
    post('/mobile/registration-available', happy);
    post('/mobile/request-registration-code', { ...happy, method: 'sms' });
    clock.advance(20_000);
    expect(post('/mobile/request-registration-code', { ...happy, method: 'voice' }).body).toMatchObject({ success: false, retryAfter: 40 });
    expect(post('/mobile/registration-available', happy).body).toMatchObject({ smsWaitSeconds: 40 });
    clock.advance(40_000);
    expect(post('/mobile/request-registration-code', { ...happy, method: 'voice' }).body).toMatchObject({ success: true, method: 'voice' });
  });

  it('locks the code after five wrong tries until a new one is sent', () => {
    const { post } = setup();
    post('/mobile/registration-available', happy);
    post('/mobile/request-registration-code', { ...happy, method: 'sms' });
    for (let i = 0; i < 5; i++) post('/mobile/confirm-registration-code', { code: '000000' });
    expect(post('/mobile/confirm-registration-code', { code: '123456' }).body).toEqual({ success: false });
  });

  it('asks for a captcha first on …01, with a new image after a wrong answer', () => {
    const { post } = setup();
    const captchaNumber = number(magicNumbers.captcha);
    post('/mobile/registration-available', captchaNumber);
    const first = post('/mobile/request-registration-code', { ...captchaNumber, method: 'sms' }).body;
    expect(first).toMatchObject({ success: false, captcha: expect.stringMatching(/^iVBOR/) as unknown });
    const wrong = post('/mobile/respond-captcha', { captcha: '111111' }).body;
    expect(wrong).toMatchObject({ success: false, captcha: expect.stringMatching(/^iVBOR/) as unknown });
    expect(wrong).not.toEqual(first);
    expect(post('/mobile/respond-captcha', { captcha: simulatedSecrets.captchaAnswer }).body).toEqual({ success: true });
    expect(post('/mobile/confirm-registration-code', { code: '123456' }).body).toEqual({ success: true });
  });

  it.each([
    [magicNumbers.bannedInReview, 'IN_REVIEW'],
    [magicNumbers.bannedUnbanned, 'UNBANNED'],
  ])('bans %s with an appeal token and answers the appeal %s', (phone, status) => {
    const { post } = setup();
    const banned = post('/mobile/registration-available', number(phone)).body;
    expect(banned).toMatchObject({ available: false, blocked: true });
    const { appealToken } = z.object({ appealToken: z.string() }).parse(banned);
    expect(post('/mobile/request-unbanning', { appealToken: 'forged', description: 'x' }).body).toEqual({ success: false });
    expect(post('/mobile/request-unbanning', { appealToken, description: 'I was chatting normally' }).body).toEqual({ success: true, status });
    const after = post('/mobile/registration-available', number(phone)).body;
    expect(after).toMatchObject(status === 'UNBANNED' ? { available: true } : { blocked: true });
  });

  it('blocks …04 at the code request, with no appeal', () => {
    const { post } = setup();
    post('/mobile/registration-available', number(magicNumbers.blockedAtRequest));
    expect(post('/mobile/request-registration-code', { ...number(magicNumbers.blockedAtRequest), method: 'sms' }).body).toEqual({
      success: false,
      blocked: true,
    });
  });

  function reachCode(post: ReturnType<typeof setup>['post'], phone: string) {
    post('/mobile/registration-available', number(phone));
    post('/mobile/request-registration-code', { ...number(phone), method: 'voice' });
    return post('/mobile/confirm-registration-code', { code: '123456' }).body;
  }

  it('asks for PIN 246810 on …05 and sends the recovery e-mail', () => {
    const { post } = setup();
    expect(reachCode(post, magicNumbers.pin)).toEqual({ success: false, confirmSecurityCode: true });
    expect(post('/mobile/recovery-pin-code').body).toEqual({ success: true });
    expect(post('/mobile/confirm-pin-code', { code: '111111' }).body).toEqual({ success: false });
    expect(post('/mobile/confirm-pin-code', { code: simulatedSecrets.pin }).body).toEqual({ success: true });
  });

  it('accepts the transfer of …06 only ten seconds after it was asked', () => {
    const { post, call, clock } = setup();
    expect(reachCode(post, magicNumbers.transfer)).toEqual({ success: false, deviceConfirm: true });
    expect(call('GET', '/mobile/device-transfer-confirmed').status).toBe(400);
    clock.advance(10_000);
    expect(call('GET', '/mobile/device-transfer-confirmed').body).toEqual({ success: true });
  });

  it('asks for the PIN, then the transfer, on …12', () => {
    const { post } = setup();
    expect(reachCode(post, magicNumbers.pinThenTransfer)).toEqual({ success: false, confirmSecurityCode: true });
    expect(post('/mobile/confirm-pin-code', { code: simulatedSecrets.pin }).body).toEqual({ success: false, deviceConfirm: true });
  });

  it('starts …07 with its own cooldowns and no pop-up', () => {
    const { post } = setup();
    expect(post('/mobile/registration-available', number(magicNumbers.cooldowns)).body).toEqual({
      available: true,
      smsWaitSeconds: 90,
      voiceWaitSeconds: 30,
      waOldWaitSeconds: 0,
      waOldEligible: false,
    });
  });

  it('has no SMS route on …08 and is unavailable on …09', () => {
    const { post } = setup();
    expect(post('/mobile/registration-available', number(magicNumbers.smsUnavailable)).body).toMatchObject({ smsWaitSeconds: -1 });
    expect(post('/mobile/registration-available', number(magicNumbers.unavailable)).body).toEqual({
      available: false,
      reason: 'temporarily_unavailable',
    });
  });

  it('fails every call on …10 and delays every answer on …11', () => {
    const { post } = setup();
    expect(post('/mobile/registration-available', number(magicNumbers.outage)).status).toBe(500);
    expect(post('/mobile/registration-available', number(magicNumbers.slow)).delayMs).toBe(4000);
    expect(post('/mobile/request-registration-code', { ...number(magicNumbers.slow), method: 'sms' }).delayMs).toBe(4000);
  });

  it('shows every quirk on …13', () => {
    const { post } = setup();
    const quirks = number(magicNumbers.quirks);
    post('/mobile/registration-available', quirks);
    expect(post('/mobile/request-registration-code', { ...quirks, method: 'sms' }).body).toMatchObject({
      captcha: expect.stringMatching(/^data:image\/png;base64,/) as unknown,
    });
    expect(post('/mobile/respond-captcha', { captcha: simulatedSecrets.captchaAnswer }).body).toEqual({ success: true });
    expect(post('/mobile/confirm-registration-code', { code: '123456' }).body).toEqual({ success: false, confirmSecurityCode: true });
    expect(post('/mobile/confirm-pin-code', { code: simulatedSecrets.pin }).body).toMatchObject({ error: 'NOT_FOUND' });
    expect(post('/mobile/confirm-pin-code', { code: simulatedSecrets.pin }).body).toEqual({ success: true });
  });

  it('sends retryAfter as a string on …13 once a code request succeeds', () => {
    const { post, clock } = setup();
    const quirks = number(magicNumbers.quirks);
    post('/mobile/registration-available', quirks);
    post('/mobile/request-registration-code', { ...quirks, method: 'sms' });
    post('/mobile/respond-captcha', { captcha: simulatedSecrets.captchaAnswer });
    expect(post('/mobile/request-registration-code', { ...quirks, method: 'sms' }).body).toMatchObject({ success: false, retryAfter: 60 });
    clock.advance(60_000);
    expect(post('/mobile/request-registration-code', { ...quirks, method: 'sms' }).body).toMatchObject({ success: true, retryAfter: '120' });
  });

  it('counts the requests that reached it', () => {
    const { post, provider } = setup();
    post('/mobile/registration-available', happy);
    post('/mobile/registration-available', happy);
    expect(provider.hits.get('/mobile/registration-available')).toBe(2);
  });
});
