import { randomUUID } from 'node:crypto';
import { pino, type DestinationStream, type Logger } from 'pino';

/**
 * Structured JSON lines. Request lines carry the method, the path without its query and the status;
 * bodies and headers are never logged, and the known secret-bearing fields are redacted anyway.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'req.headers["client-token"]',
          '*.appealToken',
          '*.code',
          '*.pin',
          '*.email',
          '*.verificationCode',
          '*.token',
        ],
        censor: '[redacted]',
      },
      serializers: {
        req: (request: { method?: string; url?: string; id?: string }) => ({
          id: request.id,
          method: request.method,
          path: request.url?.split('?')[0],
        }),
        res: (reply: { statusCode?: number }) => ({ status: reply.statusCode }),
        err: (error: { name?: string; code?: unknown }) => ({ type: error.name, code: error.code }),
      },
    },
    destination,
  );
}

/** JSON lines for machines (production, pipes, files, containers); readable lines for a person at a terminal. */
export function logFormat(production: boolean, stdoutIsTerminal: boolean): 'json' | 'pretty' {
  return !production && stdoutIsTerminal ? 'pretty' : 'json';
}

/**
 * pino-pretty in colour, to `output` (stdout by default). It is a devDependency, absent after
 * `npm ci --omit=dev`: then null, and the logs stay JSON.
 */
export async function prettyDestination(output?: NodeJS.WritableStream): Promise<DestinationStream | null> {
  try {
    const { default: pretty } = await import('pino-pretty');
    return pretty({ colorize: output === undefined, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname', sync: true, ...(output ? { destination: output } : {}) });
  } catch {
    return null;
  }
}

export const newRequestId = (): string => randomUUID();

/** `55:11987654321` → `+55 *********21`: the country and the last two digits, enough to tell journeys apart. */
export function maskNumber(numberKey: string): string {
  const [ddi = '', phone = ''] = numberKey.split(':');
  return `+${ddi} ${'*'.repeat(Math.max(0, phone.length - 2))}${phone.slice(-2)}`;
}
