import { describe, expect, it } from 'vitest';
import { operations, type OperationName } from '../contract/operations';
import { runOperation } from '../gateway/run-operation';
import { readFixture } from '../test/shared-fixtures';
import type { ProviderAdapter, UpstreamRequest } from './types';
import { wawpAdapter } from './wawp';
import { zapiAdapter } from './zapi';

/**
 * Every documented body of the linking routes, through its adapter. Wawp's come from the shared seed
 * fixtures; Z-API's from the examples the contract quotes (docs/api-contract §5 and §9, rows 42–51),
 * because the shared Z-API fixtures hold none for these routes.
 */

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
const phone = { ddi: '20', phone: '1145202826' };

async function run(adapter: ProviderAdapter, operation: OperationName, status: number, body: unknown, input: unknown = {}) {
  const sent: UpstreamRequest[] = [];
  const result = await runOperation(operation, operations[operation].request.parse(input), {
    adapter,
    memory: {},
    send: (request) => {
      sent.push(request);
      return Promise.resolve({ status, body });
    },
  });
  return { result, sent };
}

async function answer(adapter: ProviderAdapter, operation: OperationName, status: number, body: unknown, input: unknown = {}) {
  const { result } = await run(adapter, operation, status, body, input);
  if (!result.ok) return result.code;
  expect(operations[operation].response.safeParse(result.value).success).toBe(true);
  return result.value;
}

describe('Wawp seed fixtures', () => {
  it('sends the documented request-code body, with no credential in it', async () => {
    const { sent } = await run(wawpAdapter, 'requestPairingCode', 200, { code: 'ABCD-1234' }, phone);
    expect(sent).toEqual([{ method: 'POST', path: '/v2/auth/request-code', body: readFixture('seeds', 'wawp.auth.request-code.request.json') }]);
  });

  it('reads the documented code as XXXX-XXXX with the 160 s lifetime', async () => {
    const body = readFixture('seeds', 'wawp.auth.request-code.response.json');
    expect(await answer(wawpAdapter, 'requestPairingCode', 200, body, phone)).toEqual({ code: 'ABCD-1234', expiresInSeconds: 160 });
  });
});

describe('Wawp answers', () => {
  it.each([
    [400, 'PROVIDER_REJECTED'],
    [401, 'PROVIDER_REJECTED'],
    [404, 'PROVIDER_REJECTED'],
    [422, 'LINK_NOT_READY'],
    [500, 'PROVIDER_ERROR'],
    [502, 'UPSTREAM_UNAVAILABLE'],
  ])('request-code %i becomes %s, whatever the body says', async (status, code) => {
    expect(await answer(wawpAdapter, 'requestPairingCode', status, { error: 'invalid_access_token', code: 'ABCD-1234' }, phone)).toBe(code);
  });

  it('refuses a code outside WhatsApp’s alphabet instead of showing it', async () => {
    expect(await answer(wawpAdapter, 'requestPairingCode', 200, { code: 'ABCD-0000' }, phone)).toBe('PROVIDER_ERROR');
    expect(await answer(wawpAdapter, 'requestPairingCode', 200, { code: 'ABC' }, phone)).toBe('PROVIDER_ERROR');
  });

  it('reads the QR image as a data URI or plain base64, PNG only', async () => {
    const expected = { image: `data:image/png;base64,${PNG}`, expiresInSeconds: 20 };
    expect(await answer(wawpAdapter, 'getQrCode', 200, { qr: `data:image/png;base64,${PNG}` })).toEqual(expected);
    expect(await answer(wawpAdapter, 'getQrCode', 200, { mimetype: 'image/png', data: PNG })).toEqual(expected);
    expect(await answer(wawpAdapter, 'getQrCode', 200, { mimetype: 'image/svg+xml', data: PNG })).toBe('PROVIDER_ERROR');
    expect(await answer(wawpAdapter, 'getQrCode', 200, { qr: 'javascript:alert(1)' })).toBe('PROVIDER_ERROR');
    expect(await answer(wawpAdapter, 'getQrCode', 422, null)).toBe('LINK_NOT_READY');
  });

  it('reads the session status words of the lifecycle page', async () => {
    expect(await answer(wawpAdapter, 'getStatus', 200, { status: 'WORKING' })).toEqual({ connected: true, needsRestore: false });
    expect(await answer(wawpAdapter, 'getStatus', 200, { status: 'SCAN_QR_CODE' })).toEqual({ connected: false, needsRestore: false });
    expect(await answer(wawpAdapter, 'getStatus', 200, { status: 'FAILED' })).toEqual({ connected: false, needsRestore: true });
    expect(await answer(wawpAdapter, 'getStatus', 200, { connected: true })).toBe('PROVIDER_ERROR');
  });

  it('reads the connected account’s number and name for the device data', async () => {
    expect(await answer(wawpAdapter, 'getDevice', 200, { id: '201145202826@c.us', pushName: 'Ana' })).toEqual({
      phone: '201145202826',
      name: 'Ana',
      about: null,
      platform: 'unknown',
      business: null,
    });
    expect(await answer(wawpAdapter, 'getDevice', 422, null)).toBe('LINK_NOT_READY');
  });
});

describe('Z-API documented linking answers', () => {
  it('asks for the code with the number in the path, digits only', async () => {
    const { sent } = await run(zapiAdapter, 'requestPairingCode', 200, { value: 'A1B2C3D4' }, { ddi: '55', phone: '11999999999' });
    expect(sent).toEqual([{ method: 'GET', path: '/phone-code/5511999999999' }]);
  });

  it('rejects a number that is not digits before anything is sent', () => {
    expect(operations.requestPairingCode.request.safeParse({ ddi: '55', phone: '11/../status' }).success).toBe(false);
  });

  it.each([
    [{ value: 'A1B2C3D4' }, 'A1B2-C3D4'],
    [{ code: 'ABCD-1234' }, 'ABCD-1234'],
    [{ code: 'abcd 1234' }, 'ABCD-1234'],
  ])('reads %j as %s', async (body, code) => {
    expect(await answer(zapiAdapter, 'requestPairingCode', 200, body, phone)).toEqual({ code, expiresInSeconds: 160 });
  });

  it('never shows the placeholders of the pages (10 characters, 6 digits) as a code', async () => {
    expect(await answer(zapiAdapter, 'requestPairingCode', 200, { value: 'A1B2C3D4E5' }, phone)).toBe('PROVIDER_ERROR');
    expect(await answer(zapiAdapter, 'requestPairingCode', 200, { code: '123456' }, phone)).toBe('PROVIDER_ERROR');
  });

  it('reads both QR shapes as a PNG data URI', async () => {
    const expected = { image: `data:image/png;base64,${PNG}`, expiresInSeconds: 20 };
    expect(await answer(zapiAdapter, 'getQrCode', 200, { value: `data:image/png;base64,${PNG}` })).toEqual(expected);
    expect(await answer(zapiAdapter, 'getQrCode', 200, { base64: PNG })).toEqual(expected);
    expect(await answer(zapiAdapter, 'getQrCode', 200, { challenge: { type: 'public-key' } })).toBe('PROVIDER_ERROR');
  });

  it('answers ALREADY_CONNECTED to the 409 of both routes', async () => {
    expect(await answer(zapiAdapter, 'getQrCode', 409, null)).toBe('ALREADY_CONNECTED');
    expect(await answer(zapiAdapter, 'requestPairingCode', 409, null, phone)).toBe('ALREADY_CONNECTED');
  });

  it('reads the three documented status answers', async () => {
    const disconnected = { connected: false, error: 'You are not connected.', smartphoneConnected: false };
    expect(await answer(zapiAdapter, 'getStatus', 200, disconnected)).toEqual({ connected: false, needsRestore: false });
    const restore = { connected: false, error: 'You need to restore the session.', smartphoneConnected: false };
    expect(await answer(zapiAdapter, 'getStatus', 200, restore)).toEqual({ connected: false, needsRestore: true });
    const connected = { connected: true, error: 'You are already connected', smartphoneConnected: true };
    expect(await answer(zapiAdapter, 'getStatus', 200, connected)).toEqual({ connected: true, needsRestore: false });
  });
});
