import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { ApiError, toFlowError } from '../api/api-error';
import type { PhoneNumber } from '../contract/common';
import type { PairingCode } from '../contract/linking';
import type { IssuedCode } from '../flow/mode';
import { formatPhone } from '../i18n/clock-and-phone';
import { useI18n } from '../i18n/i18n-context';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Countdown } from '../ui/countdown';
import { ErrorAlert } from '../ui/error-alert';
import { Loading } from '../account/loading';
import { StepFrame } from '../ui/step-frame';
import { useNow } from '../ui/use-now';
import { CopyCode } from './copy-code';
import { pairingCodeMutation, useConnectedWatch } from './linking-api';

/** How many times "the provider is not ready for a code" is asked again before the operator is asked. */
const NOT_READY_RETRIES = 2;
const NOT_READY_DELAY_MS = 1_500;

function issuedFrom(answer: PairingCode, renewal: boolean): IssuedCode {
  return { code: answer.code, deadline: Date.now() + answer.expiresInSeconds * 1000, renewal };
}

/**
 * The pairing code for `phone`: asked on arrival unless one is still alive (a reload keeps it), and
 * again the moment it expires (an expired code is never on screen), while the instance's status is
 * followed until the phone has linked it. The code lives in the mode's state (`issued`, `onIssued`).
 */
export function PairingCodeView({
  phone,
  issued,
  onIssued,
  onConnected,
  onChangeNumber,
  onStartOver,
}: {
  phone: PhoneNumber;
  issued: IssuedCode | null;
  onIssued: (issued: IssuedCode) => void;
  onConnected: (phone: PhoneNumber) => void;
  onChangeNumber: () => void;
  onStartOver: () => void;
}) {
  const { t } = useI18n();
  const connected = useCallback(() => onConnected(phone), [onConnected, phone]);
  const mutation = useMutation({
    ...pairingCodeMutation,
    // Safe to repeat: asking for a code sends nothing to the phone.
    retry: (failures, error) => failures < NOT_READY_RETRIES && error instanceof ApiError && error.code === 'LINK_NOT_READY',
    retryDelay: NOT_READY_DELAY_MS,
  });
  const { mutate } = mutation;

  const request = useCallback(
    (renewal: boolean) => {
      mutate(phone, {
        onSuccess: (answer) => onIssued(issuedFrom(answer, renewal)),
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'ALREADY_CONNECTED') connected();
        },
      });
    },
    [mutate, phone, connected, onIssued],
  );

  // One request on arrival when no code is alive, even when React mounts the screen twice in development.
  const asked = useRef(false);
  useEffect(() => {
    if (asked.current) return;
    asked.current = true;
    if (issued === null || issued.deadline <= Date.now()) request(false);
  }, [request, issued]);

  // A new code at the old one's deadline. The timer may fire late in a hidden tab; `now` hides
  // the old code meanwhile.
  const deadline = issued?.deadline ?? null;
  useEffect(() => {
    if (deadline === null) return;
    const timer = window.setTimeout(() => request(true), Math.max(0, deadline - Date.now()));
    return () => window.clearTimeout(timer);
  }, [deadline, request]);

  const now = useNow([deadline]);
  const shown = issued !== null && now < issued.deadline && !mutation.isPending ? issued : null;
  useConnectedWatch(true, connected);

  return (
    <StepFrame heading={t('link.code.heading')}>
      {mutation.isError && !(mutation.error instanceof ApiError && mutation.error.code === 'ALREADY_CONNECTED') ? (
        <ErrorAlert error={toFlowError(mutation.error)} onRetry={() => request(issued !== null)} onStartOver={onStartOver} />
      ) : null}
      {shown ? (
        <div className="flex flex-col gap-3">
          {shown.renewal ? <Alert tone="info">{t('link.code.renewed')}</Alert> : null}
          <CopyCode code={shown.code} />
          <p className="text-ink">
            {`${t('link.code.expiresIn')} `}
            <Countdown deadline={shown.deadline} now={now} />
          </p>
        </div>
      ) : mutation.isPending ? (
        <Loading text={t(issued ? 'link.code.renewing' : 'link.phone.checking')} />
      ) : null}
      <div className="flex flex-col gap-2">
        <p className="font-semibold text-ink">{t('link.code.steps', { phone: formatPhone(phone) })}</p>
        <ol className="list-decimal pl-6 text-ink">
          <li>{t('link.code.step1')}</li>
          <li>{t('link.code.step2')}</li>
          <li>{t('link.code.step3')}</li>
          <li>{t('link.code.step4')}</li>
        </ol>
      </div>
      <p className="text-muted">{t('link.waiting')}</p>
      <div>
        <Button variant="secondary" onClick={onChangeNumber}>
          {t('link.code.otherNumber')}
        </Button>
      </div>
    </StepFrame>
  );
}
