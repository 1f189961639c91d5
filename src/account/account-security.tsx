import { useI18n } from '../i18n/i18n-context';
import { Button } from '../ui/button';
import { ArrowLeftIcon } from '../ui/icons/arrow-left';
import { StepFrame } from '../ui/step-frame';
import { EmailSection } from './email-section';
import { PinSection } from './pin-section';

export interface AccountSecurityProps {
  onBack: () => void;
  onStartOver: () => void;
}

/** The account's recovery e-mail and two-step PIN, read from the provider and changed there. */
export function AccountSecurity({ onBack, onStartOver }: AccountSecurityProps) {
  const { t } = useI18n();
  return (
    <StepFrame heading={t('account.heading')}>
      <p className="text-muted">{t('account.intro')}</p>
      <EmailSection onStartOver={onStartOver} />
      <PinSection onStartOver={onStartOver} />
      <div className="border-t border-line pt-4">
        <Button variant="link" onClick={onBack}>
          <ArrowLeftIcon className="size-4" />
          {t('account.back')}
        </Button>
      </div>
    </StepFrame>
  );
}
