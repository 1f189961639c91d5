import { useEffect, useState } from 'react';

/**
 * The current time, redrawn about four times a second while any of `deadlines` is in the future,
 * and at once when the page becomes visible again (browsers throttle timers in hidden tabs and
 * frames, so the interval alone may have skipped a minute).
 */
export function useNow(deadlines: ReadonlyArray<number | null>): number {
  const [now, setNow] = useState(() => Date.now());
  const until = Math.max(0, ...deadlines.map((deadline) => deadline ?? 0));
  useEffect(() => {
    const update = () => setNow(Date.now());
    const events = ['focus', 'pageshow'] as const;
    for (const name of events) window.addEventListener(name, update);
    document.addEventListener('visibilitychange', update);
    const timer = until > Date.now() ? window.setInterval(update, 250) : undefined;
    return () => {
      for (const name of events) window.removeEventListener(name, update);
      document.removeEventListener('visibilitychange', update);
      if (timer !== undefined) window.clearInterval(timer);
    };
  }, [until]);
  return now;
}
