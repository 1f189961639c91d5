import { useContext } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import { BackToChoiceContext } from '../../ui/back-context';
import { Button } from '../../ui/button';
import type { RegistrationActions } from '../../flow/journey-runner';

/**
 * The ways out that every branch offers, each doing something different: another number (kept in
 * the field to edit), or starting over from the first choice (register or link). Disabled while a
 * request runs, because the machine refuses to leave a pending step.
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
  const backToChoice = useContext(BackToChoiceContext);
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 border-t border-line pt-4">
      <Button variant="secondary" disabled={disabled} onClick={actions.changeNumber}>
        {changeLabel ?? t('app.changeNumber')}
      </Button>
      <Button
        variant="link"
        disabled={disabled}
        onClick={() => {
          actions.startOver();
          backToChoice?.();
        }}
      >
        {t('app.startOver')}
      </Button>
    </div>
  );
}
