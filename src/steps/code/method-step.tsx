import { useId } from 'react';
import { deliveryMethods, type DeliveryMethod } from '../../contract/common';
import { methodStatus, readyAt, type MethodStatus } from '../../flow/deadlines';
import type { StateOf } from '../../flow/state';
import { formatPhone } from '../../i18n/clock-and-phone';
import { useI18n } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/messages';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Countdown } from '../../ui/countdown';
import { ErrorAlert } from '../../ui/error-alert';
import { StepFrame } from '../../ui/step-frame';
import { CheckIcon } from '../../ui/icons/check';
import { ClockIcon } from '../../ui/icons/clock';
import { SpinnerIcon } from '../../ui/icons/spinner';
import { useNow } from '../../ui/use-now';
import type { RegistrationActions } from '../../flow/journey-runner';
import { WaitAnnouncer } from '../wait-announcer';

const methodLabel: Record<DeliveryMethod, MessageKey> = {
  sms: 'methods.sms',
  voice: 'methods.voice',
  wa_old: 'methods.wa_old',
};

export function MethodStep({
  state,
  actions,
}: {
  state: StateOf<'choosingMethod'> | StateOf<'requestingCode'>;
  actions: RegistrationActions;
}) {
  const { t } = useI18n();
  const id = useId();
  const readyTimes = deliveryMethods.map((method) => readyAt(state.code, method));
  const now = useNow(readyTimes);
  // Once a code was sent, screen readers hear when the first method may be asked again.
  const soonest = readyTimes.filter((at) => at !== null);
  const nextReady = state.code.sentMethod !== null && soonest.length > 0 ? Math.min(...soonest) : null;
  const pending = state.step === 'requestingCode';

  return (
    <StepFrame heading={t('methods.heading')}>
      <p className="text-muted">{t('methods.intro', { phone: formatPhone(state.phone) })}</p>
      {state.step === 'choosingMethod' && state.notice === 'code-not-sent' ? (
        <Alert tone="info">{t('methods.notSent')}</Alert>
      ) : null}
      {state.step === 'choosingMethod' && state.error ? (
        <ErrorAlert error={state.error} onStartOver={actions.startOver} />
      ) : null}
      <ul className="flex flex-col gap-3">
        {deliveryMethods.map((method) => {
          const status = methodStatus(state.code, method, now);
          const requesting = pending && state.method === method;
          return (
            <li key={method}>
              <button
                type="button"
                disabled={pending || status.kind !== 'ready'}
                aria-busy={requesting || undefined}
                aria-describedby={`${id}-${method}-status`}
                onClick={() => actions.requestCode(method)}
                className="flex w-full flex-col items-start gap-1 rounded-card border border-line-strong bg-surface px-4 py-3 text-left transition-colors duration-state enabled:hover:border-accent enabled:hover:bg-accent-soft disabled:cursor-not-allowed disabled:border-dashed disabled:border-line disabled:bg-sunken"
              >
                <span className={`font-semibold ${status.kind === 'ready' ? 'text-ink' : 'text-muted'}`}>{t(methodLabel[method])}</span>
                {method === 'wa_old' ? <span className="text-sm text-muted">{t('methods.wa_old.hint')}</span> : null}
                <span id={`${id}-${method}-status`} className="flex items-center gap-2 text-sm text-muted">
                  {requesting ? (
                    <>
                      <SpinnerIcon className="size-4 text-accent" />
                      {t('methods.requesting')}
                    </>
                  ) : (
                    <MethodStatusText status={status} now={now} />
                  )}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      <WaitAnnouncer deadline={nextReady} now={now} />
      {state.code.sentMethod !== null ? (
        <div>
          <Button variant="link" disabled={pending} onClick={actions.enterCode}>
            {t('methods.haveCode')}
          </Button>
        </div>
      ) : null}
      <div>
        <Button variant="link" disabled={pending} onClick={actions.changeNumber}>
          {t('app.changeNumber')}
        </Button>
      </div>
    </StepFrame>
  );
}

function MethodStatusText({ status, now }: { status: MethodStatus; now: number }) {
  const { t, rich } = useI18n();
  switch (status.kind) {
    case 'ready':
      return (
        <span className="flex items-center gap-1 text-success-fg">
          <CheckIcon className="size-4" />
          {t('methods.ready')}
        </span>
      );
    case 'waiting':
      return (
        <span className="flex items-center gap-2">
          <ClockIcon className="size-5" />
          {rich('methods.waiting', { time: <Countdown deadline={status.readyAt} now={now} large /> })}
        </span>
      );
    case 'unavailable':
      return <>{t('methods.unavailable')}</>;
    case 'ineligible':
      return <>{t('methods.ineligible')}</>;
  }
}
