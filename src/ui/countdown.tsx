import { remainingSeconds } from '../flow/deadlines';
import { formatClock } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';

/**
 * Remaining time to a deadline, drawn from the deadline every render. `role="timer"` keeps it out of
 * the live announcements; screen readers hear thresholds from the step instead.
 */
export function Countdown({ deadline, now }: { deadline: number; now: number }) {
  const { locale } = useI18n();
  return (
    <span role="timer" className="font-mono tabular-nums">
      {formatClock(remainingSeconds(deadline, now), locale)}
    </span>
  );
}
