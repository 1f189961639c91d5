import { useId } from 'react';
import type { StateOf } from '../flow/state';
import { formatPhone } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { Button } from '../ui/button';
import { StepHeading } from '../ui/step-heading';
import type { RegistrationActions } from './use-registration-actions';

export function ConnectedStep({ state, actions }: { state: StateOf<'connected'>; actions: RegistrationActions }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <section aria-labelledby={`${id}-heading`} className="flex flex-col gap-5">
      <StepHeading id={`${id}-heading`}>{t('connected.heading')}</StepHeading>
      <p role="status" className="text-ink">
        {t('connected.body', { phone: formatPhone(state.phone) })}
      </p>
      <div>
        <Button variant="secondary" onClick={actions.startOver}>
          {t('app.startOver')}
        </Button>
      </div>
    </section>
  );
}
