import { useId, useRef, useState } from 'react';
import { appealRequestSchema } from '../../contract/registration';
import type { StateOf } from '../../flow/state';
import { formatPhone } from '../../i18n/clock-and-phone';
import { useI18n } from '../../i18n/i18n-context';
import { Alert } from '../../ui/alert';
import { StatusFrame } from '../../ui/status-frame';
import { CheckCircleIcon } from '../../ui/icons/check-circle';
import { ClockIcon } from '../../ui/icons/clock';
import { ShieldIcon } from '../../ui/icons/shield';
import { Nowrap } from '../../ui/nowrap';
import { Button } from '../../ui/button';
import { ErrorAlert } from '../../ui/error-alert';
import type { RegistrationActions } from '../../flow/journey-runner';
import { StepForm } from '../step-form';
import { LeaveStep } from './leave-step';

/** The contract's limits for an appeal, shown on the field so they are known before sending. */
export const APPEAL_MIN = 20;
export const APPEAL_MAX = 1000;

type Problem = 'required' | 'short' | 'long';

export function AppealStep({
  state,
  actions,
}: {
  state: StateOf<'bannedAppealable'> | StateOf<'submittingAppeal'>;
  actions: RegistrationActions;
}) {
  const { t, rich } = useI18n();
  const id = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  const [description, setDescription] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const pending = state.step === 'submittingAppeal';
  const notice = state.step === 'bannedAppealable' ? state.notice : null;
  const error = state.step === 'bannedAppealable' ? state.error : null;
  const limits = { min: APPEAL_MIN, max: APPEAL_MAX };
  const length = description.trim().length;

  const submit = () => {
    const parsed = appealRequestSchema.safeParse({ description });
    if (!parsed.success) {
      setProblem(length === 0 ? 'required' : length < APPEAL_MIN ? 'short' : 'long');
      field.current?.focus();
      return;
    }
    setProblem(null);
    actions.appeal(parsed.data.description);
  };

  const hintId = `${id}-hint`;
  const countId = `${id}-count`;
  const errorId = `${id}-error`;
  return (
    <StatusFrame heading={t('banned.heading')} status={{ tone: 'danger', Icon: ShieldIcon }}>
      <p className="text-ink">{rich('banned.intro', { phone: <Nowrap>{formatPhone(state.phone)}</Nowrap> })}</p>
      {notice === 'appeal-rejected' ? <Alert tone="danger">{t('banned.rejected')}</Alert> : null}
      {error ? <ErrorAlert error={error} onRetry={submit} onStartOver={actions.startOver} /> : null}
      <StepForm onSubmit={submit}>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-description`} className="font-semibold text-ink">
            {t('banned.label')}
          </label>
          <p id={hintId} className="text-sm text-muted">
            {t('banned.hint', limits)}
          </p>
          <textarea
            ref={field}
            id={`${id}-description`}
            required
            rows={5}
            maxLength={APPEAL_MAX}
            value={description}
            readOnly={pending}
            aria-invalid={problem ? true : undefined}
            aria-describedby={[hintId, countId, problem ? errorId : null].filter(Boolean).join(' ')}
            className={`rounded-control border bg-surface px-3 py-2 text-ink ${problem ? 'border-danger' : 'border-line-strong'}`}
            onChange={(event) => {
              setDescription(event.target.value);
              setProblem(null);
            }}
          />
          <p id={countId} className="text-sm text-muted">
            {t('banned.count', { count: length, max: APPEAL_MAX })}
          </p>
          {problem ? (
            <p id={errorId} className="text-sm font-semibold text-danger">
              {t(`banned.error.${problem}`, limits)}
            </p>
          ) : null}
        </div>
        <div>
          <Button type="submit" pending={pending}>
            {pending ? t('banned.submitting') : t('banned.submit')}
          </Button>
        </div>
      </StepForm>
      <LeaveStep actions={actions} disabled={pending} />
    </StatusFrame>
  );
}

export function AppealInReviewStep({ state, actions }: { state: StateOf<'appealInReview'>; actions: RegistrationActions }) {
  const { t } = useI18n();
  return (
    <StatusFrame heading={t('appeal.review.heading')} status={{ tone: 'info', Icon: ClockIcon }}>
      <Alert tone="info">{t('appeal.review.body', { phone: formatPhone(state.phone) })}</Alert>
      <LeaveStep actions={actions} />
    </StatusFrame>
  );
}

export function UnbannedStep({ state, actions }: { state: StateOf<'unbanned'>; actions: RegistrationActions }) {
  const { t } = useI18n();
  const phone = formatPhone(state.phone);
  return (
    <StatusFrame heading={t('unbanned.heading')} status={{ tone: 'success', Icon: CheckCircleIcon }}>
      <Alert tone="success">{t('unbanned.body', { phone })}</Alert>
      <div>
        <Button onClick={() => actions.submitPhone(state.phone)}>{t('unbanned.continue', { phone })}</Button>
      </div>
      <LeaveStep actions={actions} />
    </StatusFrame>
  );
}
