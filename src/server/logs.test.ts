import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { operations } from '../contract/operations';
import { canary, startTestStack, type TestStack } from './testing/proxy-under-test';

let stack: TestStack;
beforeEach(async () => {
  stack = await startTestStack({ LOG_LEVEL: 'trace' });
});
afterEach(async () => {
  await stack.close();
});

const lineSchema = z.looseObject({ level: z.number(), time: z.number(), msg: z.string(), reqId: z.string().optional() });
const phone = '44999990417';

describe('logs (S-12)', () => {
  it('are JSON lines, each request line with its request id, and hold no number, code, PIN or credential', async () => {
    await stack.post(operations.checkAvailability.path, { ddi: '55', phone });
    await stack.post(operations.requestCode.path, { ddi: '55', phone, method: 'sms' });
    await stack.post(operations.confirmCode.path, { code: '913542' });
    await stack.post(operations.confirmPin.path, { pin: '275803' });
    await stack.post(operations.requestCode.path, { ddi: '55', phone, method: 'sms' });
    await stack.post(operations.checkAvailability.path, { ddi: '55', phone }, { authorization: 'Bearer WRONG_OPERATOR_GUESS_1' });
    const lines = stack.logs.map((line) => lineSchema.parse(JSON.parse(line)));
    const requestLines = lines.filter((line) => 'req' in line || 'res' in line || 'operation' in line || /authentication/.test(line.msg));
    expect(requestLines.length).toBeGreaterThanOrEqual(10);
    for (const line of requestLines) expect(line.reqId, line.msg).toMatch(/^[0-9a-f-]{36}$/);
    const refusals = lines.filter((line) => line.msg === 'guard refused');
    expect(refusals.map((line) => [line.operation, line.refusal, line.number])).toEqual([
      ['confirmPin', 'STEP_OUT_OF_ORDER', '+55 *********17'],
      ['requestCode', 'RATE_LIMITED', '+55 *********17'],
    ]);
    const text = stack.logs.join('\n');
    for (const secret of [phone, '99990417', '913542', '275803', 'WRONG_OPERATOR_GUESS_1', ...Object.values(canary)]) {
      expect(text, secret).not.toContain(secret);
    }
  });
});
