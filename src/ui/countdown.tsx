import { remainingSeconds } from '../flow/deadlines';
import { formatClock } from '../i18n/clock-and-phone';
import { useI18n } from '../i18n/i18n-context';

/**
 * Remaining time to a deadline, drawn from the deadline every render. `role="timer"` keeps it out of
 * the live announcements; screen readers hear thresholds from the step instead.
 */
/** `large`: the countdown is the largest thing in its area (a wait the operator is watching). */
export function Countdown({ deadline, now, large = false }: { deadline: number; now: number; large?: boolean }) {
  const { locale } = useI18n();
  return (
    <span role="timer" className={`whitespace-nowrap tabular-nums ${large ? 'text-2xl font-bold text-ink' : 'font-semibold text-ink'}`}>
      {formatClock(remainingSeconds(deadline, now), locale)}
    </span>
  );
}
