import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { embedSessionOperation, type EmbedSessionAnswer } from '../../contract/embed';
import { errorReply, parseInput } from '../../gateway/api-call';
import { sendReply } from '../api-routes';
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
}

const SESSION_PREFIX = 'es_';
const bearerPattern = /^Bearer (es_[A-Za-z0-9_-]{20,100})$/;

/** Identifiers in logs are hashed: enough to correlate lines, useless to replay. */
const fingerprint = (value: string) => createHash('sha256').update(value).digest('base64url').slice(0, 12);

/** Where used `jti`s and sessions are kept: in this process by default, in Redis when it is configured. */
export interface EmbedStores {
  replays: ReplayStore;
  sessions: (limits: SessionLimits) => SessionStore;
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
  const rules = { issuer: config.issuer, audience: config.audience, algorithms: config.algorithms, allowedOrigins: config.allowedOrigins };

  const authenticator: Authenticator = async (request) => {
    const header = request.headers.authorization;
    if (!header?.startsWith(`Bearer ${SESSION_PREFIX}`)) return null;
    const match = bearerPattern.exec(header);
    if (!match?.[1]) return { ok: false, code: 'UNAUTHORIZED' };
    const found = await sessions.touch(match[1].slice(SESSION_PREFIX.length), now());
    if (!found.ok) return found;
    return { ok: true, principal: { via: 'embed', subject: found.session.subject, instance: found.session.instance } };
  };

  return {
    frameAncestors: config.allowedOrigins,
    authenticator,
    exchangePath: embedSessionOperation.path,
    register(app) {
      app.post(embedSessionOperation.path, async (request, reply) => {
        const input = parseInput(embedSessionOperation.request, request.body);
        if (!input.ok) return sendReply(reply, input.reply);
        const at = now();
        const checked = await verifyEmbedToken(input.input.token, key, rules, at);
        if (!checked.ok) {
          request.log.info({ embed: 'exchange', outcome: 'refused', reason: checked.reason }, 'embed token');
          return sendReply(reply, errorReply(checked.reason === 'expired' ? 'TOKEN_EXPIRED' : 'UNAUTHORIZED'));
        }
        const { claims } = checked;
        const log = { embed: 'exchange', jti: fingerprint(claims.jti), operator: fingerprint(claims.sub), instance: claims.inst };
        if (!(await replays.use(claims.jti, claims.exp, at))) {
          request.log.warn({ ...log, outcome: 'refused', reason: 'replayed' }, 'embed token');
          return sendReply(reply, errorReply('UNAUTHORIZED'));
        }
        if (!hasInstance(claims.inst)) {
          request.log.warn({ ...log, outcome: 'refused', reason: 'unknown-instance' }, 'embed token');
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
