import { useId } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { Button } from '../ui/button';
import { StepHeading } from '../ui/step-heading';
import type { RegistrationActions } from './use-registration-actions';

/** Shown for branches whose screens this console does not have yet. */
export function LaterStep({ actions }: { actions: RegistrationActions }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <section aria-labelledby={`${id}-heading`} className="flex flex-col gap-5">
      <StepHeading id={`${id}-heading`}>{t('step.later.heading')}</StepHeading>
      <p className="text-muted">{t('step.later.body')}</p>
      <div>
        <Button variant="secondary" onClick={actions.startOver}>
          {t('app.startOver')}
        </Button>
      </div>
    </section>
  );
}
