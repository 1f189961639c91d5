import { useEffect, useId, useState } from 'react';
import { methodStatus, readyAt } from '../../flow/deadlines';
import { MAX_WRONG_CODES, hasCodeAttemptsLeft } from '../../flow/guards';
import type { StateOf } from '../../flow/state';
import { formatPhone } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Countdown } from '../../ui/countdown';
import { ErrorAlert } from '../../ui/error-alert';
import { OtpInput } from '../../ui/otp-input';
import { StepFrame } from '../../ui/step-frame';
import { useNow } from '../../ui/use-now';
import type { RegistrationActions } from '../use-registration-actions';
import { StepForm } from '../step-form';
import { useSixDigits } from '../use-six-digits';
import { WaitAnnouncer } from '../wait-announcer';

type CodeState = StateOf<'awaitingCode'> | StateOf<'confirmingCode'>;

export function CodeStep({ state, actions }: { state: CodeState; actions: RegistrationActions }) {
  const { t, rich } = useI18n();
  const pending = state.step === 'confirmingCode';
  const { sentMethod } = state.code;
  const resendAt = sentMethod ? readyAt(state.code, sentMethod) : null;
  const now = useNow([resendAt]);
  const resend = sentMethod ? methodStatus(state.code, sentMethod, now) : null;
  // Wrong codes seen when the step appeared (after a reload, say): those leave focus on the heading.
  const [wrongCodesAtStart] = useState(state.code.wrongCodes);

  return (
    <StepFrame heading={t('code.heading')}>
      <p className="text-muted">
        {rich('code.intro', {
          method: t(sentMethod ? `code.via.${sentMethod}` : 'code.via.sms'),
          phone: (
            <Button
              variant="link"
              disabled={pending}
              onClick={actions.changeNumber}
              aria-label={t('code.changeNumber', { phone: formatPhone(state.phone) })}
            >
              {formatPhone(state.phone)}
            </Button>
          ),
        })}
      </p>
      {state.step === 'awaitingCode' && state.notice === 'too-many-wrong-codes' ? (
        <Alert tone="danger">{t('code.tooMany')}</Alert>
      ) : null}
      {/* A wrong code remounts the form: the field is emptied and takes the caret back. */}
      <CodeForm
        key={state.code.wrongCodes}
        state={state}
        actions={actions}
        focusField={state.code.wrongCodes > wrongCodesAtStart}
      />
      <div className="flex flex-col items-start gap-2 border-t border-line pt-4">
        {resend?.kind === 'waiting' ? (
          <p className="text-sm text-muted">
            {rich('code.newCodeIn', { time: <Countdown deadline={resend.readyAt} now={now} /> })}
          </p>
        ) : null}
        <WaitAnnouncer deadline={resendAt} now={now} />
        <Button variant="secondary" disabled={pending} onClick={actions.chooseOtherMethod}>
          {t('code.newCode')}
        </Button>
      </div>
    </StepFrame>
  );
}

function CodeForm({ state, actions, focusField }: { state: CodeState; actions: RegistrationActions; focusField: boolean }) {
  const { t } = useI18n();
  const id = useId();
  const { input, value: code, incomplete, confirm, change } = useSixDigits(actions.confirmCode);
  const pending = state.step === 'confirmingCode';
  const { wrongCodes } = state.code;
  const canConfirm = hasCodeAttemptsLeft(state.code);

  useEffect(() => {
    if (focusField) input.current?.focus();
  }, [focusField, input]);

  const notice = state.step === 'awaitingCode' ? state.notice : null;
  const fieldError = incomplete
    ? t('code.incomplete')
    : notice === 'wrong-code'
      ? `${t('code.wrong')} ${t('code.attemptsLeft', { count: MAX_WRONG_CODES - wrongCodes })}`
      : undefined;

  return (
    <>
      {state.step === 'awaitingCode' && state.error ? (
        <ErrorAlert error={state.error} onRetry={() => confirm(code)} onStartOver={actions.startOver} />
      ) : null}
      <StepForm onSubmit={() => confirm(code)}>
        <OtpInput
          ref={input}
          id={`${id}-code`}
          label={t('code.label')}
          hint={t('code.hint')}
          error={fieldError}
          value={code}
          disabled={pending || !canConfirm}
          onChange={change}
          onComplete={confirm}
        />
        <div>
          <Button type="submit" pending={pending} disabled={!canConfirm}>
            {pending ? t('code.confirming') : t('code.submit')}
          </Button>
        </div>
      </StepForm>
    </>
  );
}
