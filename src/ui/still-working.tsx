import { useI18n } from '../i18n/i18n-context';
import { useStillWorking } from './pending';

/** The "still working" line under a pending button, shown after 3 s. */
export function StillWorking({ active }: { active: boolean }) {
  const { t } = useI18n();
  const slow = useStillWorking(active);
  return slow ? (
    <p role="status" className="text-sm text-muted">
      {t('app.stillWorking')}
    </p>
  ) : null;
}
