import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { SpinnerIcon } from './icons/spinner';

/** After this long a wait says it is still going, so a slow provider does not look like a hang. */
export const STILL_WORKING_AFTER_MS = 3000;

/** True once `STILL_WORKING_AFTER_MS` has passed since the component appeared. */
export function useStillWorking(active = true): boolean {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    if (!active) return;
    const timer = window.setTimeout(() => setSlow(true), STILL_WORKING_AFTER_MS);
    return () => {
      window.clearTimeout(timer);
      setSlow(false);
    };
  }, [active]);
  return active && slow;
}

/** One spinner and one sentence for one pending thing; after 3 s a second line says it is still going. */
export function Pending({ text }: { text: string }) {
  const { t } = useI18n();
  const slow = useStillWorking();
  return (
    <div role="status" className="flex items-center gap-3 py-2 text-muted">
      <SpinnerIcon className="size-5 text-accent" />
      <p>
        {text}
        {slow ? <span className="block text-sm">{t('app.stillWorking')}</span> : null}
      </p>
    </div>
  );
}
