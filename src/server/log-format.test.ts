import { describe, expect, it } from 'vitest';
import { createLogger, logFormat, prettyDestination } from './logger';
import { captureLogs } from './testing';

describe('log format', () => {
  it('is JSON in production and whenever stdout is not a terminal, pretty otherwise', () => {
    expect(logFormat(true, true)).toBe('json');
    expect(logFormat(true, false)).toBe('json');
    expect(logFormat(false, false)).toBe('json');
    expect(logFormat(false, true)).toBe('pretty');
  });

  it('pretty lines are readable and still redacted', async () => {
    const { lines, stream } = captureLogs();
    const destination = await prettyDestination(stream);
    expect(destination).not.toBeNull();
    const logger = createLogger('info', destination ?? undefined);
    logger.info({ req: { method: 'POST', url: '/api/v1/account/pin?x=1' }, body: { pin: '246810' } }, 'request completed');
    logger.flush();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const text = lines.join('\n');
    expect(text).toContain('INFO');
    expect(text).toContain('request completed');
    expect(text).toContain('/api/v1/account/pin');
    expect(text).not.toContain('246810');
    expect(() => {
      JSON.parse(lines[0] ?? '');
    }).toThrow();
  });
});
