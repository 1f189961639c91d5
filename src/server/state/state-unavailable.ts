/**
 * The shared state could not be read or written (Redis unreachable, too slow, or answering nonsense).
 * Every caller fails closed on it: the API answers 503 STATE_UNAVAILABLE and the provider is not asked,
 * because a guard that cannot read its counters must not let a call through.
 */
export class StateUnavailableError extends Error {
  constructor(readonly reason: string) {
    super(`shared state unavailable: ${reason}`);
    this.name = 'StateUnavailableError';
  }
}
