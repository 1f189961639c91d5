import { describe, expect, it } from 'vitest';
import { magicNumbers, simulatedSecrets } from '../scenarios';
import { createSimulatedProvider } from '../simulated-provider';

const credentials = { instanceId: 'inst', instanceToken: 'tok', clientToken: 'client' };

function account() {
  const provider = createSimulatedProvider({ instances: [credentials] });
  const call = (method: 'GET' | 'POST', path: string, body?: unknown) =>
    provider.handle({
      method,
      path: `/instances/inst/token/tok${path}`,
      query: new URLSearchParams(),
      headers: { 'client-token': 'client', 'content-type': 'application/json' },
      body,
    }).body;
  const get = (path: string) => call('GET', path);
  const post = (path: string, body?: unknown) => call('POST', path, body);
  /** Registers `phone` through the provider's own routes, as the journey does. */
  const connect = (phone = '11987654321', pin?: string) => {
    const number = { ddi: '55', phone };
    post('/mobile/registration-available', number);
    post('/mobile/request-registration-code', { ...number, method: 'sms' });
    post('/mobile/confirm-registration-code', { code: simulatedSecrets.registrationCode });
    if (pin) post('/mobile/confirm-pin-code', { code: pin });
  };
  return { get, post, connect };
}

describe('the simulated account security', () => {
  it('refuses every account route with NOT_CONNECTED until the number is connected', () => {
    const { get, post } = account();
    const refused = { success: false, message: 'NOT_CONNECTED' };
    expect(get('/device')).toEqual(refused);
    expect(get('/security/email')).toEqual(refused);
    expect(post('/security/email', { email: 'ana@example.com' })).toEqual(refused);
    expect(post('/security/verify-email', { verificationCode: simulatedSecrets.emailVerificationCode })).toEqual(refused);
    expect(post('/security/email/remove')).toEqual(refused);
    expect(get('/security/two-fa-code')).toEqual(refused);
    expect(post('/security/two-fa-code', { code: '112233' })).toEqual(refused);
    expect(post('/security/two-fa-code/remove')).toEqual(refused);
  });

  it('starts with no e-mail and no PIN, and reports the device of the connected number', () => {
    const { get, connect } = account();
    connect();
    expect(get('/security/email')).toEqual({ success: true, hasEmail: false });
    expect(get('/security/two-fa-code')).toEqual({ success: true, hasCode: false });
    expect(get('/device')).toMatchObject({ phone: '5511987654321', originalDevice: 'android', isBusiness: false });
  });

  it('asks to verify a new e-mail, verifies it with 135790 only, and removes it', () => {
    const { get, post, connect } = account();
    connect();
    expect(post('/security/email', { email: 'ana@example.com' })).toEqual({ success: true, message: 'VERIFY_EMAIL' });
    expect(get('/security/email')).toEqual({ success: true, hasEmail: true, email: 'ana@example.com', verified: false });
    expect(post('/security/verify-email', { verificationCode: '000000' })).toEqual({ success: false });
    expect(post('/security/verify-email', { verificationCode: simulatedSecrets.emailVerificationCode })).toEqual({ success: true });
    expect(get('/security/email')).toEqual({ success: true, hasEmail: true, email: 'ana@example.com', verified: true });
    expect(post('/security/email/remove')).toEqual({ success: true, message: 'REMOVED' });
    expect(get('/security/email')).toEqual({ success: true, hasEmail: false });
  });

  it.each(['ana@example', 'ana example@mail.com', 'ana@@example.com'])('answers INVALID_EMAIL for %j and keeps the old e-mail', (email) => {
    const { get, post, connect } = account();
    connect();
    post('/security/email', { email: 'ana@example.com' });
    expect(post('/security/email', { email })).toEqual({ success: false, message: 'INVALID_EMAIL' });
    expect(get('/security/email')).toMatchObject({ email: 'ana@example.com' });
  });

  it('sets and removes a PIN of six digits', () => {
    const { get, post, connect } = account();
    connect();
    expect(post('/security/two-fa-code', { code: '12345' })).toEqual({ success: false });
    expect(post('/security/two-fa-code', { code: '112233' })).toEqual({ success: true });
    expect(get('/security/two-fa-code')).toEqual({ success: true, hasCode: true });
    expect(post('/security/two-fa-code/remove')).toEqual({ success: true });
    expect(get('/security/two-fa-code')).toEqual({ success: true, hasCode: false });
  });

  it('keeps the PIN that a PIN number registered with', () => {
    const { get, connect } = account();
    connect(magicNumbers.pin, simulatedSecrets.pin);
    expect(get('/security/two-fa-code')).toEqual({ success: true, hasCode: true });
  });
});
