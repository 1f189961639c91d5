import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError, toFlowError } from '../api/api-error';
import { Loading } from '../account/loading';
import { useI18n } from '../i18n/i18n-context';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { ArrowLeftIcon } from '../ui/icons/arrow-left';
import { Countdown } from '../ui/countdown';
import { ErrorAlert } from '../ui/error-alert';
import { StepFrame } from '../ui/step-frame';
import { useNow } from '../ui/use-now';
import { qrQuery, useConnectedWatch } from './linking-api';

/** Z-API: "if not scanned after 3 calls, stop and show a button" for the user to start again. */
export const QR_ATTEMPTS = 3;

/**
 * The QR to scan, replaced when it expires, up to three; then it stops until the operator asks for
 * a new one. An expired or failed QR is never on screen. The status is followed meanwhile.
 */
export function QrView({ onConnected, onBack, onStartOver }: { onConnected: () => void; onBack: () => void; onStartOver: () => void }) {
  const { t } = useI18n();
  const [{ round, attempt, paused }, setProgress] = useState({ round: 0, attempt: 1, paused: false });
  const query = useQuery({ ...qrQuery(round, attempt), enabled: !paused });

  const deadline = query.data ? query.dataUpdatedAt + query.data.expiresInSeconds * 1000 : null;
  useEffect(() => {
    if (deadline === null) return;
    const timer = window.setTimeout(
      () => setProgress((current) => (current.attempt < QR_ATTEMPTS ? { ...current, attempt: current.attempt + 1 } : { ...current, paused: true })),
      Math.max(0, deadline - Date.now()),
    );
    return () => window.clearTimeout(timer);
  }, [deadline]);

  const now = useNow([deadline]);
  const alreadyConnected = query.error instanceof ApiError && query.error.code === 'ALREADY_CONNECTED';
  useEffect(() => {
    if (alreadyConnected) onConnected();
  }, [alreadyConnected, onConnected]);
  useConnectedWatch(!paused, onConnected);

  const image = !paused && query.data && deadline !== null && now < deadline ? query.data.image : null;

  return (
    <StepFrame heading={t(paused ? 'link.qr.pausedHeading' : 'link.qr.heading')}>
      {query.isError && !alreadyConnected ? (
        <ErrorAlert error={toFlowError(query.error)} onRetry={() => void query.refetch()} onStartOver={onStartOver} />
      ) : null}
      {paused ? (
        <Alert
          tone="info"
          action={<Button onClick={() => setProgress((current) => ({ round: current.round + 1, attempt: 1, paused: false }))}>{t('link.qr.new')}</Button>}
        >
          {t('link.qr.paused')}
        </Alert>
      ) : (
        // As WhatsApp Web lays it out: the numbered steps beside the QR (below it on a phone).
        <div className="grid gap-6 sm:grid-cols-[1fr_auto] sm:items-start">
          <QrSteps />
          <div className="flex flex-col items-center gap-2 sm:order-last">
            {image && deadline !== null ? (
              <>
                <img
                  src={image}
                  alt={t('link.qr.alt')}
                  width={224}
                  height={224}
                  className="size-56 rounded-control border border-line bg-paper p-2 [image-rendering:pixelated]"
                />
                <p className="text-sm text-muted">{t('link.qr.counter', { n: String(attempt), total: String(QR_ATTEMPTS) })}</p>
                <p className="text-ink">
                  {`${t('link.qr.expiresIn')} `}
                  <Countdown deadline={deadline} now={now} />
                </p>
              </>
            ) : query.isFetching ? (
              <div className="flex size-56 items-center justify-center rounded-control border border-line bg-sunken">
                <Loading text={t('link.qr.loading')} />
              </div>
            ) : null}
          </div>
        </div>
      )}
      {paused ? <QrSteps /> : null}
      <p className="text-muted">{t('link.waiting')}</p>
      <div>
        <Button variant="secondary" onClick={onBack}>
          <ArrowLeftIcon className="size-4" />
          {t('link.back')}
        </Button>
      </div>
    </StepFrame>
  );
}

/** The steps on the phone, numbered in circles, in WhatsApp's own words. */
function QrSteps() {
  const { t } = useI18n();
  const steps = ['link.qr.step1', 'link.qr.step2', 'link.qr.step3'] as const;
  return (
    <ol className="flex flex-col gap-4 text-ink">
      {steps.map((step, index) => (
        <li key={step} className="flex gap-3">
          <span aria-hidden="true" className="flex size-7 shrink-0 items-center justify-center rounded-full bg-accent-soft text-sm font-semibold text-accent-fg">
            {index + 1}
          </span>
          <span className="pt-0.5">{t(step)}</span>
        </li>
      ))}
    </ol>
  );
}
