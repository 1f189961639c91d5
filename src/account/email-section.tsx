import { useQuery } from '@tanstack/react-query';
import type { AccountEmail } from '../contract/account';
import { useI18n } from '../i18n/i18n-context';
import { Button } from '../ui/button';
import { accountKeys, accountMutations, accountQueries } from './account-api';
import { ConfirmRemoval } from './confirm-removal';
import { EmailForm } from './email-form';
import { EmailVerification } from './email-verification';
import { SecuritySection, type SectionFlow } from './security-section';

export function EmailSection({ onStartOver }: { onStartOver: () => void }) {
  const { t } = useI18n();
  const query = useQuery(accountQueries.email);
  return (
    <SecuritySection title={t('account.email.heading')} query={query} onStartOver={onStartOver}>
      {(email, flow) => <EmailState email={email} flow={flow} onStartOver={onStartOver} />}
    </SecuritySection>
  );
}

function EmailState({ email, flow, onStartOver }: { email: AccountEmail; flow: SectionFlow; onStartOver: () => void }) {
  const { t } = useI18n();
  if (!email.hasEmail) {
    return (
      <>
        <p className="text-ink">{t('account.email.none')}</p>
        <EmailForm onSaved={flow.finish} onStartOver={onStartOver} />
      </>
    );
  }
  if (flow.mode === 'change') {
    return <EmailForm onSaved={flow.finish} onCancel={() => flow.finish(null)} onStartOver={onStartOver} />;
  }
  if (flow.mode === 'remove') {
    return (
      <ConfirmRemoval
        removal={accountMutations.removeEmail}
        queryKey={accountKeys.email}
        question={t('account.email.removeQuestion', { email: email.email })}
        warning={t('account.email.removeWarning')}
        confirmLabel={t('account.email.remove')}
        pendingLabel={t('account.email.removing')}
        removedKey="account.email.removed"
        flow={flow}
        onStartOver={onStartOver}
      />
    );
  }
  return (
    <>
      <p className="break-words text-ink">
        {t(email.verified ? 'account.email.verified' : 'account.email.unverified', { email: email.email })}
      </p>
      {email.verified ? null : <EmailVerification email={email.email} onDone={flow.finish} onStartOver={onStartOver} />}
      <div className="flex flex-wrap items-center gap-4">
        <Button variant="secondary" onClick={() => flow.open('change')}>
          {t('account.email.change')}
        </Button>
        <Button variant="dangerLink" onClick={() => flow.open('remove')}>
          {t('account.email.remove')}
        </Button>
      </div>
    </>
  );
}
