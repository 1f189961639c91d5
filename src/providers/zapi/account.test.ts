import { describe, expect, it } from 'vitest';
import { operations, type OperationName } from '../../contract/operations';
import { runOperation } from '../../gateway/run-operation';
import type { UpstreamRequest } from '../types';
import { zapiAdapter } from './index';

/** The adapter's answer when Z-API answers `body`, and what it sent. */
async function exchange(operation: OperationName, input: unknown, body: unknown, status = 200) {
  const sent: UpstreamRequest[] = [];
  const result = await runOperation(operation, operations[operation].request.parse(input), {
    adapter: zapiAdapter,
    memory: {},
    send: (request) => {
      sent.push(request);
      return Promise.resolve({ status, body });
    },
  });
  return { answer: result.ok ? result.value : result.code, sent };
}
const answer = async (operation: OperationName, input: unknown, body: unknown, status = 200) =>
  (await exchange(operation, input, body, status)).answer;

const documentedDevice = {
  phone: '5511999999999',
  imgUrl: 'https://example.invalid/photo.jpg',
  about: 'Hey there',
  name: 'Ana',
  device: { sessionName: 'Z-API', device_model: 'Z-API' },
  originalDevice: 'android',
  sessionId: 175,
  isBusiness: false,
};

describe('the Z-API account-security mapping', () => {
  it('reads the e-mail in each documented state', async () => {
    expect(await answer('getAccountEmail', {}, { success: true, hasEmail: false })).toEqual({ hasEmail: false });
    expect(await answer('getAccountEmail', {}, { success: true, hasEmail: true, email: 'example@email.com', verified: false })).toEqual({
      hasEmail: true,
      email: 'example@email.com',
      verified: false,
    });
  });

  it('calls an e-mail answer with no address, or no verdict at all, a provider error', async () => {
    expect(await answer('getAccountEmail', {}, { success: true, hasEmail: true })).toBe('PROVIDER_ERROR');
    expect(await answer('getAccountEmail', {}, { success: true })).toBe('PROVIDER_ERROR');
    expect(await answer('getPinStatus', {}, { success: true })).toBe('PROVIDER_ERROR');
  });

  it('turns INVALID_EMAIL into an outcome the field can show, and sends the address as documented', async () => {
    const { answer: refused, sent } = await exchange('setAccountEmail', { email: ' ana@example ' }, { success: false, message: 'INVALID_EMAIL' });
    expect(refused).toEqual({ outcome: 'invalid-email' });
    expect(sent).toEqual([{ method: 'POST', path: '/security/email', body: { email: 'ana@example' } }]);
    expect(await answer('setAccountEmail', { email: 'ana@example.com' }, { success: true })).toEqual({ outcome: 'saved' });
  });

  it('sends the verification code under the documented name and reads a bare failure as a wrong code', async () => {
    const { answer: wrong, sent } = await exchange('verifyAccountEmail', { code: '000000' }, { success: false });
    expect(wrong).toEqual({ outcome: 'wrong-code' });
    expect(sent[0]?.body).toEqual({ verificationCode: '000000' });
  });

  it.each([
    ['getDevice', {}],
    ['getAccountEmail', {}],
    ['setAccountEmail', { email: 'ana@example.com' }],
    ['verifyAccountEmail', { code: '135790' }],
    ['removeAccountEmail', {}],
    ['getPinStatus', {}],
    ['setPin', { pin: '112233' }],
    ['removePin', {}],
  ] as const)('maps NOT_CONNECTED from %s to our own code, and other provider words to a refusal', async (operation, input) => {
    expect(await answer(operation, input, { success: false, message: 'NOT_CONNECTED' })).toBe('NOT_CONNECTED');
    expect(await answer(operation, input, { success: false, message: 'Erro interno: conta 5511999999999 indisponível' })).toBe(
      'PROVIDER_REJECTED',
    );
    expect(await answer(operation, input, { error: 'null not allowed' })).toBe('PROVIDER_REJECTED');
    expect(await answer(operation, input, null, 500)).toBe('PROVIDER_ERROR');
  });

  it('reads the documented device data and drops what the console does not show', async () => {
    expect(await answer('getDevice', {}, documentedDevice)).toEqual({
      phone: '5511999999999',
      name: 'Ana',
      about: 'Hey there',
      platform: 'android',
      business: false,
    });
  });

  it.each([
    ['iphone', 'iphone'],
    ['smbi', 'iphone-business'],
    ['smba', 'android-business'],
    ['windows', 'unknown'],
  ])('names the original device %s as %s', async (originalDevice, platform) => {
    expect(await answer('getDevice', {}, { ...documentedDevice, originalDevice })).toMatchObject({ platform });
  });

  it('tolerates a sparse device answer and a number sent as a number', async () => {
    expect(await answer('getDevice', {}, { phone: 5511999999999, name: '  ', about: 'x'.repeat(5000) })).toEqual({
      phone: '5511999999999',
      name: null,
      about: 'x'.repeat(1024),
      platform: 'unknown',
      business: null,
    });
  });
});
