import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError, toFlowError } from '../api/api-error';
import { Loading } from '../account/loading';
import { useI18n } from '../i18n/i18n-context';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
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
    <StepFrame heading={t('link.qr.heading')}>
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
        <div className="flex flex-col items-start gap-2">
          <p className="font-semibold text-ink">{t('link.qr.counter', { n: String(attempt), total: String(QR_ATTEMPTS) })}</p>
          {image && deadline !== null ? (
            <>
              <img src={image} alt={t('link.qr.alt')} width={256} height={256} className="h-64 w-64 border border-line bg-white [image-rendering:pixelated]" />
              <p className="text-ink">
                {`${t('link.qr.expiresIn')} `}
                <Countdown deadline={deadline} now={now} />
              </p>
            </>
          ) : query.isFetching ? (
            <Loading text={t('link.qr.loading')} />
          ) : null}
        </div>
      )}
      <ol className="list-decimal pl-6 text-ink">
        <li>{t('link.qr.step1')}</li>
        <li>{t('link.qr.step2')}</li>
        <li>{t('link.qr.step3')}</li>
      </ol>
      <p className="text-muted">{t('link.waiting')}</p>
      <div>
        <Button variant="secondary" onClick={onBack}>
          {t('link.back')}
        </Button>
      </div>
    </StepFrame>
  );
}
