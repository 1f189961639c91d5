import { describe, expect, it } from 'vitest';
import { qrImageSchema } from '../contract/linking';
import { readQr } from '../test/read-qr';
import { captchaPngBase64 } from './captcha-image';
import { qrPayload, qrPngBase64 } from './qr-image';

describe('the simulated QR image', () => {
  it('is a real QR code that a scanner reads back as its payload', () => {
    let seed = 0;
    const random = () => ((seed = (seed * 9301 + 49297) % 233280) / 233280);
    const payload = qrPayload(random);
    expect(payload).toMatch(/^2@[\w+/]{60},[\w+/]{43}=,[\w+/]{43}=,[\w+/]{43}=$/);
    const image = qrPngBase64(payload);
    expect(readQr(image)).toBe(payload);
    // What the contract lets through: a data URL of at most 200,000 characters.
    expect(qrImageSchema.safeParse(`data:image/png;base64,${image}`).success).toBe(true);
  });

  it('differs with each payload, and a picture that is not a QR code reads as nothing', () => {
    expect(readQr(qrPngBase64('2@first'))).toBe('2@first');
    expect(readQr(qrPngBase64('2@second'))).toBe('2@second');
    expect(readQr(captchaPngBase64('0427', 7))).toBeNull();
  });
});
