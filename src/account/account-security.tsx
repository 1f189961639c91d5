import { useId } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { Button } from '../ui/button';
import { StepHeading } from '../ui/step-heading';
import { EmailSection } from './email-section';
import { PinSection } from './pin-section';

export interface AccountSecurityProps {
  onBack: () => void;
  onStartOver: () => void;
}

/** The account's recovery e-mail and two-step PIN, read from the provider and changed there. */
export function AccountSecurity({ onBack, onStartOver }: AccountSecurityProps) {
  const { t } = useI18n();
  const id = useId();
  return (
    <section aria-labelledby={`${id}-heading`} className="flex flex-col gap-5">
      <StepHeading id={`${id}-heading`}>{t('account.heading')}</StepHeading>
      <p className="text-muted">{t('account.intro')}</p>
      <EmailSection onStartOver={onStartOver} />
      <PinSection onStartOver={onStartOver} />
      <div className="border-t border-line pt-4">
        <Button variant="secondary" onClick={onBack}>
          {t('account.back')}
        </Button>
      </div>
    </section>
  );
}
