import { createHash } from 'node:crypto';

/** Names that may carry a number, an address or a token are stored hashed: keys reveal nothing. */
export const hashedName = (name: string): string => createHash('sha256').update(name).digest('base64url');
