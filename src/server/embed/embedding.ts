import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { embedSessionOperation, type EmbedSessionAnswer } from '../../contract/embed';
import { errorReply, parseInput } from '../../gateway/api-call';
import { sendReply } from '../api-routes';
import { createMemoryAttemptLog, type AttemptLog } from '../state/attempt-log';
import { clientKey } from '../client-address';
import { createRefusalLog } from '../refusal-log';
import type { Authenticator } from '../instances/authentication';
import type { EmbedConfig } from './embed-config';
import { loadEmbedKey } from './embed-keys';
import { createSessionStore, type SessionLimits, type SessionStore } from './sessions';
import { createReplayStore, verifyEmbedToken, type ReplayStore } from './token';

export interface Embedding {
  /** Exact origins that may frame the console (CSP frame-ancestors). */
  frameAncestors: string[];
  /** Recognises `Authorization: Bearer es_…` and names the session's instance. */
  authenticator: Authenticator;
  exchangePath: string;
  register: (app: FastifyInstance) => void;
  /** Live embed sessions (for the metrics); null when they are shared in Redis and no process sees them all. */
  activeSessions: (() => number) | null;
}

const SESSION_PREFIX = 'es_';
/** Token exchanges per client (IPv4 address or IPv6 /64) per window; a console needs one per page load. */
export const EXCHANGES_PER_WINDOW = 20;
export const EXCHANGE_WINDOW_MS = 10 * 60 * 1000;
const bearerPattern = /^Bearer (es_[A-Za-z0-9_-]{20,100})$/;

/** Identifiers in logs are hashed: enough to correlate lines, useless to replay. */
const fingerprint = (value: string) => createHash('sha256').update(value).digest('base64url').slice(0, 12);

/** Where used `jti`s and sessions are kept: in this process by default, in Redis when it is configured. */
export interface EmbedStores {
  replays: ReplayStore;
  sessions: (limits: SessionLimits) => SessionStore;
  /** Exchanges per client; absent in memory, where embedding keeps its own bounded log. */
  exchanges?: AttemptLog;
}

/**
 * Embedding as one unit: the token exchange route, the single-use store, the sessions and the
 * authenticator that reads them. `hasInstance` keeps a token from naming an unknown alias.
 */
export async function createEmbedding(
  config: EmbedConfig,
  hasInstance: (alias: string) => boolean,
  now: () => number = Date.now,
  stores: EmbedStores = { replays: createReplayStore(), sessions: createSessionStore },
): Promise<Embedding> {
  const key = await loadEmbedKey(config.key, config.algorithms);
  const replays = stores.replays;
  const sessions = stores.sessions({ idleSeconds: config.sessionIdleSeconds, maxSeconds: config.sessionMaxSeconds });
  const exchanges = stores.exchanges ?? createMemoryAttemptLog({ retentionMs: EXCHANGE_WINDOW_MS, maxKeys: 10_000, maxPerKey: EXCHANGES_PER_WINDOW });
  const rules = { issuer: config.issuer, audience: config.audience, algorithms: config.algorithms, allowedOrigins: config.allowedOrigins };

  const authenticator: Authenticator = async (request) => {
    const header = request.headers.authorization;
    if (!header?.startsWith(`Bearer ${SESSION_PREFIX}`)) return null;
    const match = bearerPattern.exec(header);
    if (!match?.[1]) return { ok: false, code: 'UNAUTHORIZED' };
    const found = await sessions.touch(match[1].slice(SESSION_PREFIX.length), now());
    if (!found.ok) return found;
    return { ok: true, principal: { via: 'embed', subject: found.session.subject, instance: found.session.instance, origin: found.session.parentOrigin } };
  };

  return {
    frameAncestors: config.allowedOrigins,
    authenticator,
    exchangePath: embedSessionOperation.path,
    activeSessions: sessions.size ?? null,
    register(app) {
      // Refusals are summed up, not logged one line each: anyone can send tokens.
      const refusals = createRefusalLog(app.log, 'embed token refused');
      app.addHook('onClose', (_app, done) => {
        refusals.flush();
        done();
      });
      app.post(embedSessionOperation.path, async (request, reply) => {
        // Each exchange costs a signature check: a client gets a few per window, whatever it sends.
        const at = now();
        const client = `exchange\u0000${clientKey(request.ip)}`;
        const recent = await exchanges.attemptsSince(client, at - EXCHANGE_WINDOW_MS + 1);
        const oldest = recent[recent.length - EXCHANGES_PER_WINDOW];
        if (recent.length >= EXCHANGES_PER_WINDOW && oldest !== undefined) {
          refusals.note('too-many-exchanges', request.log);
          return sendReply(reply, errorReply('SIGN_IN_BUDGET', { retryAfterSeconds: Math.max(1, Math.ceil((oldest + EXCHANGE_WINDOW_MS - at) / 1000)) }));
        }
        await exchanges.addAttempt(client, at);
        const input = parseInput(embedSessionOperation.request, request.body);
        if (!input.ok) return sendReply(reply, input.reply);
        const checked = await verifyEmbedToken(input.input.token, key, rules, at);
        if (!checked.ok) {
          refusals.note(checked.reason, request.log);
          return sendReply(reply, errorReply(checked.reason === 'expired' ? 'TOKEN_EXPIRED' : 'UNAUTHORIZED'));
        }
        const { claims } = checked;
        const log = { embed: 'exchange', jti: fingerprint(claims.jti), operator: fingerprint(claims.sub), instance: claims.inst };
        if (!(await replays.use(claims.jti, claims.exp, at))) {
          refusals.note('replayed', request.log);
          return sendReply(reply, errorReply('UNAUTHORIZED'));
        }
        if (!hasInstance(claims.inst)) {
          refusals.note('unknown-instance', request.log);
          return sendReply(reply, errorReply('FORBIDDEN'));
        }
        const opened = await sessions.open({ subject: claims.sub, instance: claims.inst, parentOrigin: claims.po }, at);
        request.log.info({ ...log, outcome: 'accepted', session: fingerprint(opened.id) }, 'embed token');
        const answer: EmbedSessionAnswer = { session: `${SESSION_PREFIX}${opened.id}`, parentOrigin: claims.po, instance: claims.inst };
        return sendReply(reply, { status: 200, body: answer });
      });
    },
  };
}
