import { useEffect, useId, useState } from 'react';
import { deliveryMethods } from '../../contract/common';
import { methodStatus, readyAt, remainingSeconds } from '../../flow/deadlines';
import type { CodeContext } from '../../flow/state';
import { MAX_WRONG_CODES, hasCodeAttemptsLeft } from '../../flow/guards';
import type { StateOf } from '../../flow/state';
import { formatClock, formatPhone } from '../../i18n/clock-and-phone';
import { useI18n } from '../../i18n/i18n-context';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { ErrorAlert } from '../../ui/error-alert';
import { OtpInput } from '../../ui/otp-input';
import { StepFrame } from '../../ui/step-frame';
import { useNow } from '../../ui/use-now';
import type { RegistrationActions } from '../../flow/journey-runner';
import { StepForm } from '../step-form';
import { useSixDigits } from '../use-six-digits';
import { WaitAnnouncer } from '../wait-announcer';

type CodeState = StateOf<'awaitingCode'> | StateOf<'confirmingCode'>;

export function CodeStep({ state, actions }: { state: CodeState; actions: RegistrationActions }) {
  const { t, rich, locale } = useI18n();
  const pending = state.step === 'confirmingCode';
  const readyTimes = deliveryMethods.map((method) => readyAt(state.code, method));
  const now = useNow(readyTimes);
  const resendAt = nextResendAt(state.code, now);
  // When the first method is (or was) ready: read out as the wait runs down, and once it is over.
  const known = readyTimes.filter((time) => time !== null);
  const firstReadyAt = known.length > 0 ? Math.min(...known) : null;
  const { sentMethod } = state.code;
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
      <div className="flex flex-col items-center gap-2 border-t border-line pt-4">
        <WaitAnnouncer deadline={firstReadyAt} now={now} />
        {/* Disabled, it says when it will be ready; at zero it offers the ways to send a new code. */}
        {resendAt !== null ? (
          <Button variant="link" disabled className="tabular-nums">
            {t('code.resendIn', { time: formatClock(remainingSeconds(resendAt, now), locale) })}
          </Button>
        ) : (
          <Button variant="link" disabled={pending} onClick={actions.chooseOtherMethod}>
            {t('code.newCode')}
          </Button>
        )}
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

/**
 * When a new code can next be asked for: null if some way of sending is ready now (or none will
 * ever be), else the soonest moment one becomes ready.
 */
export function nextResendAt(code: CodeContext, now: number): number | null {
  const statuses = deliveryMethods.map((method) => methodStatus(code, method, now));
  if (statuses.some((status) => status.kind === 'ready')) return null;
  const waits = statuses.flatMap((status) => (status.kind === 'waiting' ? [status.readyAt] : []));
  return waits.length > 0 ? Math.min(...waits) : null;
}
