import type { Page } from '@playwright/test';
import { z } from 'zod';
import { expect, forTargets, test } from './support/fixtures';

interface Answer {
  status: number;
  body: unknown;
}

/** One API call from the console's page, as its client sends it (same origin, JSON). */
function call(page: Page, path: string, body: unknown): Promise<Answer> {
  return page.evaluate(
    async ([url, payload]) => {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
      const text = await response.text();
      return { status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
    },
    [`/api/v1${path}`, body] as const,
  );
}

const number = { ddi: '55', phone: '11987654321' };
const rateLimitedSchema = z.object({ code: z.literal('RATE_LIMITED'), retryAfterSeconds: z.number() });

// The proxy and the demo run the same guards (src/flow/registration-rules.ts): a call out of order or
// before its wait gets the same catalogue answer from both, and the provider is not asked.
forTargets(['proxy', 'demo'], () => {
  test('an out-of-order call gets 409 STEP_OUT_OF_ORDER and a code asked for again too early gets 429 RATE_LIMITED', async ({ registration, page }) => {
    await registration.open();

    expect(await call(page, '/registration/code-confirmation', { code: '123456' })).toEqual({
      status: 409,
      body: expect.objectContaining({ code: 'STEP_OUT_OF_ORDER' }),
    });

    expect(await call(page, '/registration/availability', number)).toEqual({ status: 200, body: expect.objectContaining({ outcome: 'available' }) });
    expect(await call(page, '/registration/transfer-confirmation', {})).toEqual({ status: 409, body: expect.objectContaining({ code: 'STEP_OUT_OF_ORDER' }) });
    expect(await call(page, '/registration/code-request', { ...number, method: 'sms' })).toEqual({ status: 200, body: expect.objectContaining({ outcome: 'sent' }) });

    const again = await call(page, '/registration/code-request', { ...number, method: 'sms' });
    expect(again.status).toBe(429);
    const refused = rateLimitedSchema.parse(again.body);
    // The simulated provider's resend wait for this number is 60 seconds; the answer says what is left.
    expect(refused.retryAfterSeconds).toBeGreaterThan(30);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);

    // A code for another number than the one checked is out of order too.
    expect(await call(page, '/registration/code-request', { ddi: '55', phone: '11912345678', method: 'sms' })).toEqual({
      status: 409,
      body: expect.objectContaining({ code: 'STEP_OUT_OF_ORDER' }),
    });
  });
});
