import { describe, expect, it } from 'vitest';
import { operations, type OperationName } from '../../contract/operations';
import { runOperation } from '../../gateway/run-operation';
import { zapiAdapter } from './index';

async function answer(operation: OperationName, input: unknown, status: number, body: unknown) {
  const result = await runOperation(operation, operations[operation].request.parse(input), {
    adapter: zapiAdapter,
    memory: {},
    send: () => Promise.resolve({ status, body }),
  });
  return result.ok ? result.value : result.code;
}

const codeRequest = { ddi: '55', phone: '11987654321', method: 'voice' };
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

describe('Z-API quirks stop at the adapter', () => {
  it('reads retryAfter given as a string', async () => {
    const body = { success: true, retryAfter: '165', smsWaitSeconds: 125, voiceWaitSeconds: 125, waOldWaitSeconds: 125, method: 'voice' };
    expect(await answer('requestCode', codeRequest, 200, body)).toMatchObject({ outcome: 'sent', retryAfterSeconds: 165 });
  });

  it('turns a plain base64 captcha and a data URI captcha into the same data URI', async () => {
    const plain = await answer('requestCode', codeRequest, 200, { success: false, captcha: PNG });
    const prefixed = await answer('requestCode', codeRequest, 200, { success: false, captcha: `data:image/png;base64,${PNG}` });
    expect(plain).toEqual({ outcome: 'captcha', image: `data:image/png;base64,${PNG}` });
    expect(prefixed).toEqual(plain);
  });

  it('refuses a captcha that is not an image', async () => {
    expect(await answer('requestCode', codeRequest, 200, { success: false, captcha: '<svg onload=alert(1)>' })).toBe('PROVIDER_ERROR');
  });

  it.each([{ error: 'null not allowed' }, { error: 'NOT_FOUND', message: 'Unable to find matching target resource method' }])(
    'treats an error inside an HTTP 200 body as a refusal: %o',
    async (body) => {
      expect(await answer('checkAvailability', { ddi: '55', phone: '11987654321' }, 200, body)).toBe('PROVIDER_REJECTED');
    },
  );

  it('believes the flags whatever success says', async () => {
    expect(await answer('confirmCode', { code: '123456' }, 200, { success: true, confirmSecurityCode: true, deviceConfirm: true })).toEqual({
      outcome: 'pin-required',
    });
    expect(await answer('confirmCode', { code: '123456' }, 200, { success: true, deviceConfirm: true })).toEqual({
      outcome: 'transfer-required',
    });
    expect(await answer('confirmPin', { pin: '123456' }, 200, { success: false, deviceConfirm: true })).toEqual({
      outcome: 'transfer-required',
    });
  });

  it('reads a wrong code, PIN and captcha from a bare success:false', async () => {
    expect(await answer('confirmCode', { code: '123456' }, 200, { success: false })).toEqual({ outcome: 'wrong-code' });
    expect(await answer('confirmPin', { pin: '123456' }, 200, { success: false })).toEqual({ outcome: 'wrong-pin' });
    expect(await answer('answerCaptcha', { answer: '1' }, 200, { success: false })).toEqual({ outcome: 'rejected', image: null });
  });

  it('orders banned before unavailable, and keeps -1 as unavailable', async () => {
    const input = { ddi: '55', phone: '11987654321' };
    expect(await answer('checkAvailability', input, 200, { available: false, blocked: true })).toEqual({ outcome: 'blocked' });
    expect(await answer('checkAvailability', input, 200, { available: false, reason: 'too_many', smsWaitSeconds: 3600 })).toEqual({
      outcome: 'unavailable',
      reason: 'too_many',
      retryAfterSeconds: 3600,
    });
    expect(await answer('checkAvailability', input, 200, { available: false, reason: 'something new' })).toEqual({
      outcome: 'unavailable',
      reason: 'unknown',
      retryAfterSeconds: null,
    });
    expect(
      await answer('checkAvailability', input, 200, { available: true, smsWaitSeconds: -1, voiceWaitSeconds: 0, waOldWaitSeconds: 0, waOldEligible: true }),
    ).toMatchObject({ waits: { sms: -1, voice: 0, wa_old: 0 } });
  });

  it('treats the pop-up as cooling down while SMS or voice do, when the provider leaves its wait out', async () => {
    const body = { available: true, smsWaitSeconds: 90, voiceWaitSeconds: 30, waOldEligible: true };
    expect(await answer('checkAvailability', { ddi: '55', phone: '11987654321' }, 200, body)).toMatchObject({
      waits: { sms: 90, voice: 30, wa_old: 90 },
    });
  });

  it('reads a code request that was not sent as a cooldown', async () => {
    const body = { success: false, retryAfter: 98, smsWaitSeconds: 98, voiceWaitSeconds: 98, waOldWaitSeconds: 98 };
    expect(await answer('requestCode', codeRequest, 200, body)).toEqual({
      outcome: 'not-sent',
      retryAfterSeconds: 98,
      waits: { sms: 98, voice: 98, wa_old: 98 },
    });
  });

  it.each([
    [500, 'PROVIDER_ERROR'],
    [502, 'PROVIDER_ERROR'],
    [401, 'PROVIDER_REJECTED'],
    [404, 'PROVIDER_REJECTED'],
    [405, 'PROVIDER_REJECTED'],
    [415, 'PROVIDER_REJECTED'],
    [409, 'ALREADY_CONNECTED'],
  ])('maps HTTP %i to %s', async (status, code) => {
    expect(await answer('checkAvailability', { ddi: '55', phone: '11987654321' }, status, null)).toBe(code);
  });

  it('calls an answer that does not fit the documented shape a provider error', async () => {
    expect(await answer('checkAvailability', { ddi: '55', phone: '11987654321' }, 200, { available: 'yes' })).toBe('PROVIDER_ERROR');
    expect(await answer('confirmCode', { code: '123456' }, 200, null)).toBe('PROVIDER_ERROR');
  });

  it('reads 400 from the transfer confirmation as "not accepted yet"', async () => {
    expect(await answer('confirmTransfer', {}, 400, null)).toEqual({ outcome: 'not-accepted-yet' });
    expect(await answer('confirmTransfer', {}, 200, { success: true })).toEqual({ outcome: 'connected' });
  });

  it('reads the status texts, including the one that asks for a restore', async () => {
    expect(await answer('getStatus', {}, 200, { connected: true, error: 'You are already connected', smartphoneConnected: true })).toEqual({
      connected: true,
      needsRestore: false,
    });
    expect(await answer('getStatus', {}, 200, { connected: false, error: 'You need to restore the session.', smartphoneConnected: false })).toEqual({
      connected: false,
      needsRestore: true,
    });
    expect(await answer('getStatus', {}, 200, { connected: true, error: null, smartphoneConnected: true })).toEqual({
      connected: true,
      needsRestore: false,
    });
  });

  it('refuses an appeal when no appeal token was kept', async () => {
    expect(await answer('requestUnbanning', { description: 'I was chatting normally and got banned' }, 200, { success: true })).toBe(
      'STEP_OUT_OF_ORDER',
    );
  });
});
