import { useEffect, useId, useRef, useState } from 'react';
import { captchaAnswerSchema } from '../../contract/registration';
import type { StateOf } from '../../flow/state';
import { formatPhone } from '../../i18n/clock-and-phone';
import { useI18n } from '../../i18n/i18n-context';
import { Alert } from '../../ui/alert';
import { StepFrame } from '../../ui/step-frame';
import { Button } from '../../ui/button';
import { ErrorAlert } from '../../ui/error-alert';
import { TextField } from '../../ui/text-field';
import type { RegistrationActions } from '../../flow/journey-runner';
import { StepForm } from '../step-form';
import { LeaveStep } from './leave-step';

type CaptchaState = StateOf<'solvingCaptcha'> | StateOf<'submittingCaptcha'>;

export function CaptchaStep({ state, actions }: { state: CaptchaState; actions: RegistrationActions }) {
  const { t } = useI18n();
  const pending = state.step === 'submittingCaptcha';
  const notice = state.step === 'solvingCaptcha' ? state.notice : null;
  // Only an image that arrived while on this step takes the caret; after a reload the heading keeps it.
  const [imageAtStart] = useState(state.image);
  return (
    <StepFrame heading={t('captcha.heading')}>
      <p className="text-muted">{t('captcha.intro', { phone: formatPhone(state.phone) })}</p>
      {notice === 'captcha-wrong' ? <Alert tone="danger">{t('captcha.wrong')}</Alert> : null}
      <img
        src={state.image}
        alt={t('captcha.imageAlt')}
        className="h-auto w-full max-w-72 rounded-control border border-line bg-paper"
      />
      <div>
        {/* The provider sends a new image when the code is asked for again by the same method. */}
        <Button variant="link" disabled={pending} onClick={() => actions.requestCode(state.method)}>
          {t('captcha.newImage')}
        </Button>
      </div>
      {/* A new image is a new puzzle: the form starts empty for it. A failed send keeps the answer. */}
      <CaptchaForm
        key={state.image}
        state={state}
        actions={actions}
        focusField={notice === 'captcha-wrong' && state.image !== imageAtStart}
      />
      <LeaveStep actions={actions} disabled={pending} />
    </StepFrame>
  );
}

function CaptchaForm({ state, actions, focusField }: { state: CaptchaState; actions: RegistrationActions; focusField: boolean }) {
  const { t } = useI18n();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [answer, setAnswer] = useState('');
  const [problem, setProblem] = useState<'required' | 'format' | null>(null);
  const pending = state.step === 'submittingCaptcha';
  const error = state.step === 'solvingCaptcha' ? state.error : null;
  // After a wrong answer the new image comes with an empty field, ready for the next try.
  useEffect(() => {
    if (focusField) input.current?.focus();
  }, [focusField]);

  const submit = () => {
    const parsed = captchaAnswerSchema.safeParse({ answer });
    if (!parsed.success) {
      setProblem(answer.trim() === '' ? 'required' : 'format');
      input.current?.focus();
      return;
    }
    setProblem(null);
    actions.answerCaptcha(parsed.data.answer);
  };

  return (
    <StepForm onSubmit={submit}>
      {error ? <ErrorAlert error={error} onRetry={submit} onStartOver={actions.startOver} /> : null}
      <TextField
        ref={input}
        id={`${id}-answer`}
        label={t('captcha.label')}
        hint={t('captcha.hint')}
        error={problem ? t(problem === 'required' ? 'captcha.error.required' : 'captcha.error.format') : undefined}
        value={answer}
        readOnly={pending}
        maxLength={32}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        onChange={(event) => {
          setAnswer(event.target.value);
          setProblem(null);
        }}
      />
      <div>
        <Button type="submit" pending={pending}>
          {pending ? t('captcha.submitting') : t('captcha.submit')}
        </Button>
      </div>
    </StepForm>
  );
}
