import { useContext } from 'react';
import { EmbeddedContext } from './embedded-context';
import { actionLabel, errorAction, errorMessageKey } from './error-presentation';
import type { FlowError } from '../flow/state';
import { formatClock } from '../i18n/clock-and-phone';
import { useI18n } from '../i18n/i18n-context';
import { Alert } from './alert';
import { Button } from './button';
import { CloudOffIcon } from './icons/cloud-off';

export interface ErrorAlertProps {
  error: FlowError;
  /** Runs the step's action again with what the operator typed (kept on screen). */
  onRetry?: () => void;
  onStartOver: () => void;
  /** How many times the operator already pressed "Try again" for this failure. */
  retries?: number;
}

/** Failures that mean the provider (or the way to it) is down: shown as an outage. */
const outages: ReadonlySet<FlowError['code']> = new Set([
  'PROVIDER_ERROR',
  'UPSTREAM_RESET',
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_TIMEOUT',
  'INTERNAL',
  'NETWORK',
  'CLIENT_TIMEOUT',
]);

/** A failure as one sentence and one button for the next action. */
export function ErrorAlert({ error, onRetry, onStartOver, retries = 0 }: ErrorAlertProps) {
  const { t, locale } = useI18n();
  const action = errorAction(error);
  // Embedded, the portal renews an expired session (see src/embed); a reload would lose it.
  const renewedByPortal = useContext(EmbeddedContext) && (error.code === 'UNAUTHORIZED' || error.code === 'TOKEN_EXPIRED');
  const run = renewedByPortal ? undefined : action === 'reload' ? () => window.location.reload() : action === 'startOver' ? onStartOver : onRetry;
  const time = error.retryAfterSeconds === undefined ? '' : formatClock(error.retryAfterSeconds, locale);
  return (
    <Alert
      tone="danger"
      title={outages.has(error.code) ? t('error.outage.title') : undefined}
      icon={outages.has(error.code) ? CloudOffIcon : undefined}
      action={
        run ? (
          <Button variant="secondary" onClick={run}>
            {t(actionLabel[action])}
          </Button>
        ) : undefined
      }
    >
      {t(errorMessageKey(error), { time })}
      {retries > 0 ? <span className="mt-1 block text-sm">{t('error.triedAgain', { count: retries })}</span> : null}
    </Alert>
  );
}
