import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { systemClock, type Clock } from '../fake-provider/clock';
import { errorReply } from '../gateway/api-call';
import { admissionOf, createMemoryAttemptLog, type AttemptLog } from './state/attempt-log';
import { clientKey } from './client-address';
import { isOwnerPath } from './handoff/owner-paths';
import type { OperatorCredentials } from './config';
import { createRefusalLog } from './refusal-log';
import { lazySignInGate, openSignInGate, type SignInGate } from './sign-in-gate';
import { replacedPayload } from './typed-reply';
import type { ApiReply } from '../gateway/api-call';

declare module 'fastify' {
  interface FastifyRequest {
    /** This request's sign-in admission when its route asks it late (`signInInCall`); open otherwise. */
    signInGate: SignInGate;
  }
  interface FastifyContextConfig {
    /**
     * The route asks the sign-in admission of a right credential itself, in the round trip of its own
     * first exchange with the shared state, instead of waiting for it before its handler runs.
     */
    signInInCall?: boolean;
  }
}

/** Every request starts with an open gate; decorated once on the root, so every scope can read it. */
export function decorateSignInGate(app: FastifyInstance): void {
  app.decorateRequest('signInGate', openSignInGate);
}

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
  const lockedOut = createLockoutMemory();

  /** The refusal of a locked-out client, the same whatever it sent (a closed connection included). */
  function lockoutRefusal(request: FastifyRequest, reply: FastifyReply, key: string, until: number, now: number): ApiReply {
    lockedOut.remember(key, until);
    refusals.note('too-many-failures', request.log);
    options.onRefusal?.('too-many-failures');
    // The body parser closes the connection of a body it could not read; every refusal does, so that
    // header tells nothing either.
    reply.header('connection', 'close');
    return errorReply('SIGN_IN_BUDGET', { retryAfterSeconds: Math.max(1, Math.ceil((until - now) / 1000)) });
  }
  app.addHook('onClose', (_app, done) => {
    refusals.flush();
    done();
  });

  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (openPaths.has(path) || isOwnerPath(path)) return;
    const now = clock.now();
    const key = `sign-in\u0000${clientKey(request.ip)}`;
    // A client this process already saw locked out is refused at once, whatever it carries.
    const until = lockedOut.until(key, now);
    if (until !== null) return reply.sendApi(lockoutRefusal(request, reply, key, until, now));
    // The credential is checked first (locally, at once), then the verdict is admitted or not in one
    // atomic step: however many guesses race on however many processes, at most `maxFailures` are
    // answered as wrong in a window, and after them even the right one is refused.
    const verdicts = options.authenticators.map((authenticate) => authenticate(request));
    const granted = verdicts.includes('granted');
    const rejected = !granted && verdicts.includes('rejected');
    const since = now - windowMs + 1;
    const admission = async (): Promise<ApiReply | null> => {
      // A wrong credential is counted in the same atomic step as the look. Anything else counts for
      // nothing, so whether its client is locked out is a read: it goes out with the call's other reads.
      const gate = rejected
        ? await failures.admit(key, { at: now, since, limit: maxFailures, count: true })
        : admissionOf(await failures.attemptsSince(key, since), maxFailures);
      return gate.admitted ? null : lockoutRefusal(request, reply, key, gate.oldest + windowMs, now);
    };
    if (granted && request.routeOptions.config.signInInCall === true) {
      // Asked by the route with its turn; the onSend hook below holds every answer until it is known.
      // Such a refusal takes longer than one from this hook, so it could tell a right guess apart: the
      // first teaches this process the lockout, and the client's later requests stop above.
      request.signInGate = lazySignInGate(admission);
      return;
    }
    const refused = await admission();
    if (refused) return reply.sendApi(refused);
    if (granted) return;
    // The browser's first request carries no credential; that is counted apart from wrong ones.
    const reason = rejected ? 'wrong-credential' : 'no-credential';
    refusals.note(reason, request.log);
    options.onRefusal?.(reason);
    reply.header('www-authenticate', 'Basic realm="wa-onboarding", charset="UTF-8"');
    return reply.sendApi(errorReply('UNAUTHORIZED'));
  });

  // No answer to a request whose admission was left to its route leaves before that admission is
  // known, whatever answered (a hook, the body parser, the route): a locked-out client with the
  // right credential gets the refusal, and so learns nothing from it.
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.signInGate === openSignInGate) return payload;
    const refused = await request.signInGate().catch(() => errorReply('STATE_UNAVAILABLE'));
    return refused ? replacedPayload(reply, refused) : payload;
  });
}

/**
 * The clients this process has seen locked out, each until its lockout ends, at most MAX_CLIENTS (the
 * oldest forgotten first). It only ever refuses sooner what the shared failures would refuse anyway.
 */
function createLockoutMemory() {
  const ends = new Map<string, number>();
  return {
    until(key: string, now: number): number | null {
      const end = ends.get(key);
      if (end === undefined) return null;
      if (end > now) return end;
      ends.delete(key);
      return null;
    },
    remember(key: string, until: number): void {
      ends.delete(key);
      ends.set(key, until);
      for (const oldest of ends.keys()) {
        if (ends.size <= MAX_CLIENTS) break;
        ends.delete(oldest);
      }
    },
  };
}
