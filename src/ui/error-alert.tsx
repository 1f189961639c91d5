import { useContext } from 'react';
import { EmbeddedContext } from './embedded-context';
import { actionLabel, errorAction, errorMessageKey } from './error-presentation';
import type { FlowError } from '../flow/state';
import { formatClock } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { Alert } from './alert';
import { Button } from './button';

export interface ErrorAlertProps {
  error: FlowError;
  /** Runs the step's action again with what the operator typed (kept on screen). */
  onRetry?: () => void;
  onStartOver: () => void;
}

/** A failure as one sentence and one button for the next action. */
export function ErrorAlert({ error, onRetry, onStartOver }: ErrorAlertProps) {
  const { t, locale } = useI18n();
  const action = errorAction(error);
  // Embedded, the portal renews an expired session (see src/embed); a reload would lose it.
  const renewedByPortal = useContext(EmbeddedContext) && (error.code === 'UNAUTHORIZED' || error.code === 'TOKEN_EXPIRED');
  const run = renewedByPortal ? undefined : action === 'reload' ? () => window.location.reload() : action === 'startOver' ? onStartOver : onRetry;
  const time = error.retryAfterSeconds === undefined ? '' : formatClock(error.retryAfterSeconds, locale);
  return (
    <Alert
      tone="danger"
      action={
        run ? (
          <Button variant="secondary" onClick={run}>
            {t(actionLabel[action])}
          </Button>
        ) : undefined
      }
    >
      {t(errorMessageKey(error), { time })}
    </Alert>
  );
}
