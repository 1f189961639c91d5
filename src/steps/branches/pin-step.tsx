import { useEffect, useId, useState } from 'react';
import type { StateOf } from '../../flow/state';
import { formatPhone } from '../../i18n/clock-and-phone';
import { useI18n } from '../../i18n/i18n-context';
import { Alert } from '../../ui/alert';
import { StepFrame } from '../../ui/step-frame';
import { Button } from '../../ui/button';
import { ErrorAlert } from '../../ui/error-alert';
import { OtpInput } from '../../ui/otp-input';
import type { RegistrationActions } from '../../flow/journey-runner';
import { useSixDigits } from '../use-six-digits';
import { StepForm } from '../step-form';
import { LeaveStep } from './leave-step';

type PinState = StateOf<'awaitingPin'> | StateOf<'confirmingPin'> | StateOf<'recoveringPin'>;

export function PinStep({ state, actions }: { state: PinState; actions: RegistrationActions }) {
  const { t } = useI18n();
  const id = useId();
  const { input, value: pin, setValue: setPin, incomplete, confirm, change } = useSixDigits(actions.confirmPin);
  const pending = state.step !== 'awaitingPin';
  const notice = state.step === 'awaitingPin' ? state.notice : null;
  const error = state.step === 'awaitingPin' ? state.error : null;

  // A wrong PIN empties the field (decided while rendering the new state) and takes the caret back.
  // A notice that was there when the step appeared (after a reload) leaves focus on the heading.
  const [answered, setAnswered] = useState(state);
  const [wrongAnswers, setWrongAnswers] = useState(0);
  if (answered !== state) {
    setAnswered(state);
    if (notice === 'wrong-pin') {
      setPin('');
      setWrongAnswers((count) => count + 1);
    }
  }
  useEffect(() => {
    if (wrongAnswers > 0) input.current?.focus();
  }, [wrongAnswers, input]);

  const fieldError = incomplete ? t('pin.incomplete') : notice === 'wrong-pin' ? t('pin.wrong') : undefined;
  return (
    <StepFrame heading={t('pin.heading')}>
      <p className="text-muted">{t('pin.intro', { phone: formatPhone(state.phone) })}</p>
      {notice === 'recovery-sent' ? <Alert tone="info">{t('pin.recoverySent')}</Alert> : null}
      {notice === 'recovery-no-email' ? <Alert tone="info">{t('pin.recoveryNoEmail')}</Alert> : null}
      {error ? <ErrorAlert error={error} onRetry={() => confirm(pin)} onStartOver={actions.startOver} /> : null}
      <StepForm onSubmit={() => confirm(pin)}>
        <OtpInput
          ref={input}
          id={`${id}-pin`}
          label={t('pin.label')}
          hint={t('pin.hint')}
          error={fieldError}
          value={pin}
          autoComplete="off"
          masked
          disabled={pending}
          onChange={change}
          onComplete={confirm}
        />
        <div className="flex flex-wrap items-center gap-4">
          <Button type="submit" pending={state.step === 'confirmingPin'} disabled={pending}>
            {state.step === 'confirmingPin' ? t('pin.confirming') : t('pin.submit')}
          </Button>
          <Button variant="link" pending={state.step === 'recoveringPin'} disabled={pending} onClick={actions.recoverPin}>
            {state.step === 'recoveringPin' ? t('pin.recovering') : t('pin.forgot')}
          </Button>
        </div>
      </StepForm>
      <LeaveStep actions={actions} disabled={pending} />
    </StepFrame>
  );
}
