import { z } from 'zod/mini';
import { API_PREFIX, type OperationDefinition } from './operation';

/** The browser sends the token it read from its URL fragment, once. */
export const embedSessionRequestSchema = z.strictObject({ token: z.string().check(z.minLength(1), z.maxLength(8192)) });

/**
 * The answer to a valid token: the opaque session id (sent back as `Authorization: Bearer …`), the
 * exact parent origin the console may talk to, and the instance alias (never its credentials).
 */
export const embedSessionSchema = z.strictObject({
  session: z.string().check(z.regex(/^es_[A-Za-z0-9_-]{20,100}$/)),
  parentOrigin: z.string().check(z.minLength(1)),
  instance: z.string().check(z.minLength(1)),
});
export type EmbedSessionAnswer = z.infer<typeof embedSessionSchema>;

/** Kept out of the operation table: it reaches no provider, and it is the one API call without a session. */
export const embedSessionOperation: OperationDefinition<typeof embedSessionRequestSchema, typeof embedSessionSchema> = {
  method: 'POST',
  path: `${API_PREFIX}/embed/session`,
  request: embedSessionRequestSchema,
  response: embedSessionSchema,
};
