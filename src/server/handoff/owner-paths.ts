import { handoffOwnerOperations } from '../../contract/handoff';

/** The page the number's owner opens (`/h/#/handoff/<token>`): the console's own page, at its own address. */
export const OWNER_PAGE_PATH = '/h/';

const ownerApiPaths: ReadonlySet<string> = new Set(Object.values(handoffOwnerOperations).map((operation) => operation.path));

export const isOwnerApiPath = (path: string): boolean => ownerApiPaths.has(path);

/**
 * What the number's owner reaches without the operator's credential: the hand-off page, the built
 * console's hashed assets (public code, checked for secrets by bench/canary-dist.ts), and the owner's
 * calls, which need the link's token and grant only its step.
 */
export function isOwnerPath(path: string): boolean {
  return path === OWNER_PAGE_PATH || path.startsWith('/assets/') || isOwnerApiPath(path);
}
