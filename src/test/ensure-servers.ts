import { ensureServer, redisServer } from '../../scripts/servers';

/** Vitest global setup: the redis-server the state contract suites start, installed once before they run. */
export default function setup(): void {
  ensureServer(redisServer);
}
