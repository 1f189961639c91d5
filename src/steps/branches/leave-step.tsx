import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button';
import type { RegistrationActions } from '../use-registration-actions';

/**
 * The ways out that every branch offers: another number (kept in the field to edit) or a clean
 * start. Disabled while a request runs, because the machine refuses to leave a pending step.
 */
export function LeaveStep({
  actions,
  disabled = false,
  changeLabel,
}: {
  actions: RegistrationActions;
  disabled?: boolean;
  changeLabel?: string;
}) {
  const { t } = useI18n();
  return (
    <div className="flex flex-wrap gap-3 border-t border-line pt-4">
      <Button variant="secondary" disabled={disabled} onClick={actions.changeNumber}>
        {changeLabel ?? t('app.changeNumber')}
      </Button>
      <Button variant="secondary" disabled={disabled} onClick={actions.startOver}>
        {t('app.startOver')}
      </Button>
    </div>
  );
}
