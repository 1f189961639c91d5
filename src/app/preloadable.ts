/** A promise that carries its own outcome, as React's `use` reads it: a settled one renders at once. */
type Tracked<T> = Promise<T> & { status?: 'pending' | 'fulfilled' | 'rejected'; value?: T; reason?: unknown };

/**
 * A chunk fetched once, early (at boot, before anyone asks for it) and read by `use` when its
 * screen renders: if it arrived meanwhile, the screen shows at once, with no loading line. A failed
 * fetch is forgotten, so the next render tries again.
 */
export function preloadable<T>(load: () => Promise<T>): () => Promise<T> {
  let current: Tracked<T> | null = null;
  return () => {
    if (current) return current;
    const promise: Tracked<T> = load();
    promise.status = 'pending';
    promise.then(
      (value) => {
        promise.status = 'fulfilled';
        promise.value = value;
      },
      (reason: unknown) => {
        promise.status = 'rejected';
        promise.reason = reason;
        current = null;
      },
    );
    current = promise;
    return promise;
  };
}
