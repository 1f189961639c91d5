import { useEffect, useState } from 'react';

/** How long a confirmation ("copied", "saved") stays before it goes away by itself. */
export const FLEETING_MS = 6000;

/**
 * `value` while it is fresh: it turns to null `FLEETING_MS` after it last changed, so a
 * confirmation does not stay on screen for minutes. Null values and errors are the caller's to keep.
 */
export function useFleeting<T>(value: T | null, ms = FLEETING_MS): T | null {
  const [expired, setExpired] = useState<T | null>(null);
  useEffect(() => {
    if (value === null) return;
    const timer = window.setTimeout(() => setExpired(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return value !== null && expired === value ? null : value;
}
