import { remainingSeconds } from '../flow/deadlines';
import { formatClock } from '../i18n/clock-and-phone';
import { useI18n } from '../i18n/i18n-context';

/** Seconds left at which the wait is read out; in between, the live region's text does not change. */
export const ANNOUNCED_THRESHOLDS = [60, 30, 10] as const;

/**
 * What a screen reader hears of a wait: a polite message when the time left crosses 60, 30 and
 * 10 seconds, and "you can ask for a new code now" when it ends. The visible countdown is a timer
 * (not live), so ticking seconds are never read out. The text is derived from the time left, so
 * it changes — and is announced — only at those moments.
 */
export function WaitAnnouncer({ deadline, now }: { deadline: number | null; now: number }) {
  const { t, locale } = useI18n();
  const message = announcement(deadline, now);
  return (
    <p role="status" className="sr-only">
      {message === null ? '' : message === 0 ? t('wait.ready') : t('wait.announce', { time: formatClock(message, locale) })}
    </p>
  );
}

/** The threshold to announce (seconds), 0 once the wait is over, or null when nothing is due. */
export function announcement(deadline: number | null, now: number): number | null {
  if (deadline === null) return null;
  const left = remainingSeconds(deadline, now);
  if (left === 0) return 0;
  const crossed = ANNOUNCED_THRESHOLDS.filter((threshold) => left <= threshold);
  return crossed.length === 0 ? null : Math.min(...crossed);
}
