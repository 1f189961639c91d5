import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { toFlowError } from '../api/api-error';
import { useI18n } from '../i18n/i18n-context';
import { Button } from '../ui/button';
import { ErrorAlert } from '../ui/error-alert';
import { OtpInput } from '../ui/otp-input';
import { accountKeys, accountMutations } from './account-api';
import type { SectionNotice } from './security-section';

export interface EmailVerificationProps {
  email: string;
  onDone: (notice: SectionNotice) => void;
  onStartOver: () => void;
}

/** The code WhatsApp mailed to the new address, and a way to have it sent again. */
export function EmailVerification({ email, onDone, onStartOver }: EmailVerificationProps) {
  const { t } = useI18n();
  const id = useId();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<'incomplete' | 'wrong' | null>(null);
  const [wrongTries, setWrongTries] = useState(0);
  const [resent, setResent] = useState(false);

  const verify = useMutation({
    ...accountMutations.verifyEmail,
    onSuccess: async (result) => {
      if (result.outcome === 'wrong-code') {
        setProblem('wrong');
        setWrongTries((tries) => tries + 1);
        return;
      }
      await queryClient.invalidateQueries({ queryKey: accountKeys.email });
      onDone({ key: 'account.email.isVerified', tone: 'success' });
    },
  });
  // Sending again is setting the same address again: WhatsApp mails a fresh code.
  const resend = useMutation({
    ...accountMutations.setEmail,
    onSuccess: (result) => {
      if (result.outcome === 'invalid-email') onDone({ key: 'account.email.error.rejected', tone: 'danger' });
      else setResent(true);
    },
  });
  const busy = verify.isPending || resend.isPending;

  // After a wrong code the caret goes back to the field, with the code selected to be typed over.
  useEffect(() => {
    if (wrongTries === 0 || busy) return;
    input.current?.focus();
    input.current?.select();
  }, [wrongTries, busy]);

  const confirm = (value: string) => {
    if (value.length !== 6) {
      setProblem('incomplete');
      input.current?.focus();
      return;
    }
    setProblem(null);
    setResent(false);
    verify.mutate({ code: value });
  };
  const fieldError = problem === 'incomplete' ? t('account.email.incomplete') : problem === 'wrong' ? t('account.email.wrongCode') : undefined;
  const failure = verify.error ?? resend.error;

  return (
    <div className="flex flex-col gap-4">
      {failure ? (
        <ErrorAlert
          error={toFlowError(failure)}
          onRetry={() => (verify.error ? confirm(code) : resend.mutate({ email }))}
          onStartOver={onStartOver}
        />
      ) : null}
      {resent ? (
        <p role="status" className="text-ink">
          {t('account.email.resent', { email })}
        </p>
      ) : null}
      <form
        noValidate
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          confirm(code);
        }}
      >
        <OtpInput
          ref={input}
          id={`${id}-code`}
          label={t('account.email.code')}
          hint={t('account.email.codeHint')}
          error={fieldError}
          value={code}
          disabled={busy}
          onChange={(value) => {
            setCode(value);
            setProblem(null);
          }}
          onComplete={confirm}
        />
        <div className="flex flex-wrap gap-3">
          <Button type="submit" pending={verify.isPending}>
            {verify.isPending ? t('account.email.verifying') : t('account.email.verify')}
          </Button>
          <Button variant="secondary" pending={resend.isPending} disabled={verify.isPending} onClick={() => resend.mutate({ email })}>
            {t('account.email.resend')}
          </Button>
        </div>
      </form>
    </div>
  );
}
