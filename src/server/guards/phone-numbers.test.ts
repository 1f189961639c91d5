import { describe, expect, it } from 'vitest';
import { INVALID_PHONE_FIELD, phoneRefusal } from './phone-numbers';

describe('the proxy’s check of a number', () => {
  it.each([
    { ddi: '55', phone: '11987654321' },
    { ddi: '55', phone: '1132654321' },
    { ddi: '351', phone: '912345678' },
    { ddi: '1', phone: '2015550123' },
    { ddi: '44', phone: '7400123456' },
  ])('lets a number in use through: %o', (input) => {
    expect(phoneRefusal(input)).toBeNull();
    expect(phoneRefusal({ ...input, method: 'sms' })).toBeNull();
  });

  it.each([
    // Right lengths for the browser's compact check, but no such numbers exist.
    { ddi: '55', phone: '1112345678' },
    { ddi: '55', phone: '2087654321' },
    { ddi: '351', phone: '112345678' },
    { ddi: '1', phone: '5551234567' },
  ])('answers a typed field error for a number that cannot exist: %o', (input) => {
    expect(phoneRefusal(input)).toEqual({
      status: 400,
      body: { code: 'INVALID_REQUEST', message: 'The request is not valid.', fields: { phone: INVALID_PHONE_FIELD } },
    });
  });

  it('leaves inputs without a number alone', () => {
    expect(phoneRefusal({ code: '123456' })).toBeNull();
    expect(phoneRefusal({})).toBeNull();
  });
});
