import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { systemClock, type Clock } from '../fake-provider/clock';
import { errorReply } from '../gateway/api-call';
import { sendReply } from './api-routes';
import { createMemoryAttemptLog, type AttemptLog } from './state/attempt-log';
import { clientKey } from './client-address';
import type { OperatorCredentials } from './config';
import { createRefusalLog } from './refusal-log';

/**
 * What one way of proving who is calling says about a request: it proves the caller, it found no
 * credential of its kind, or it found one and it is wrong (which counts as a failed attempt).
 */
export type AuthVerdict = 'granted' | 'absent' | 'rejected';
export type Authenticator = (request: FastifyRequest) => AuthVerdict;

/** Equal-length digests compared in constant time, so neither length nor content leaks by timing. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function credentialOf(request: FastifyRequest, scheme: 'bearer' | 'basic'): string | null {
  const header = request.headers.authorization ?? '';
  const match = /^(\S+)\s+(\S+)$/.exec(header);
  return match?.[1]?.toLowerCase() === scheme && match[2] ? match[2] : null;
}

export function bearerAuthenticator(token: string): Authenticator {
  return (request) => {
    const given = credentialOf(request, 'bearer');
    if (given === null) return 'absent';
    return sameSecret(given, token) ? 'granted' : 'rejected';
  };
}

/**
 * HTTP basic, which is what the browser's own sign-in dialog sends. The operator token is also
 * accepted as the password (any user name), so a token-only set-up works from a browser too.
 */
export function basicAuthenticator(credentials: OperatorCredentials): Authenticator {
  return (request) => {
    const given = credentialOf(request, 'basic');
    if (given === null) return 'absent';
    const decoded = Buffer.from(given, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return 'rejected';
    const user = decoded.slice(0, colon);
    const password = decoded.slice(colon + 1);
    // Both comparisons always run, so a right user name is not told apart by timing.
    const basic = credentials.basic;
    const byPassword = basic ? sameSecret(user, basic.user) && sameSecret(password, basic.password) : false;
    const byToken = credentials.token ? sameSecret(password, credentials.token) : false;
    return byPassword || byToken ? 'granted' : 'rejected';
  };
}

export function operatorAuthenticators(credentials: OperatorCredentials): Authenticator[] {
  return [...(credentials.token ? [bearerAuthenticator(credentials.token)] : []), basicAuthenticator(credentials)];
}

export interface OperatorAuthOptions {
  /** Asked in order; the first that grants lets the request through. */
  authenticators: Authenticator[];
  /** Told of each refused request and why (the metrics count them). */
  onRefusal?: (reason: 'no-credential' | 'wrong-credential' | 'too-many-failures') => void;
  /** Failed attempts per client within `failureWindowMs` before every attempt from it is refused. */
  maxFailures?: number;
  failureWindowMs?: number;
  clock?: Clock;
  /**
   * Where failures per client are kept: in memory by default (capped at 5,000 clients, swept); Redis
   * shares them between processes.
   */
  failures?: AttemptLog;
  /** How often refused sign-ins are summed up in one log line. */
  logIntervalMs?: number;
}

/** How long a failed sign-in counts against its client. */
export const SIGN_IN_FAILURE_WINDOW_MS = 15 * 60 * 1000;

/** Paths an orchestrator probes without credentials; they reveal nothing. */
const openPaths = new Set(['/healthz', '/readyz']);

/** Most clients whose failures are remembered at once (about 2 MB); the least recent go first. */
const MAX_CLIENTS = 5_000;

/**
 * One hook in front of everything the proxy serves (the console too, so the browser asks for the
 * credential once and sends it with every API call). Failures are counted per client — its address
 * as resolved through trusted proxies (TRUST_PROXY), an IPv6 client by its /64 — so ten wrong
 * guesses from one client lock that client out, never the operator signing in from elsewhere.
 */
export function registerOperatorAuth(app: FastifyInstance, options: OperatorAuthOptions): void {
  const maxFailures = options.maxFailures ?? 10;
  const windowMs = options.failureWindowMs ?? SIGN_IN_FAILURE_WINDOW_MS;
  const clock = options.clock ?? systemClock;
  const failures = options.failures ?? createMemoryAttemptLog({ retentionMs: windowMs, maxKeys: MAX_CLIENTS, maxPerKey: maxFailures });
  // The credential itself is never logged; only that it was missing or wrong, as counts.
  const refusals = createRefusalLog(app.log, 'operator authentication failed', options.logIntervalMs);
  app.addHook('onClose', (_app, done) => {
    refusals.flush();
    done();
  });

  app.addHook('onRequest', async (request, reply) => {
    if (openPaths.has(request.url.split('?')[0] ?? '')) return;
    const now = clock.now();
    const key = `sign-in\u0000${clientKey(request.ip)}`;
    const seen = await failures.attemptsSince(key, now - windowMs + 1);
    const oldest = seen[seen.length - maxFailures];
    if (seen.length >= maxFailures && oldest !== undefined) {
      refusals.note('too-many-failures', request.log);
      options.onRefusal?.('too-many-failures');
      return sendReply(reply, errorReply('SIGN_IN_BUDGET', { retryAfterSeconds: Math.max(1, Math.ceil((oldest + windowMs - now) / 1000)) }));
    }
    const verdicts = options.authenticators.map((authenticate) => authenticate(request));
    if (verdicts.includes('granted')) return;
    const rejected = verdicts.includes('rejected');
    if (rejected) await failures.addAttempt(key, now);
    // The browser's first request carries no credential; that is counted apart from wrong ones.
    const reason = rejected ? 'wrong-credential' : 'no-credential';
    refusals.note(reason, request.log);
    options.onRefusal?.(reason);
    reply.header('www-authenticate', 'Basic realm="wa-onboarding", charset="UTF-8"');
    return sendReply(reply, errorReply('UNAUTHORIZED'));
  });
}
