import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect, useId, useRef } from 'react';
import { toFlowError } from '../api/api-error';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages';
import { Button } from '../ui/button';
import { ErrorAlert } from '../ui/error-alert';
import { accountMutations } from './account-api';
import type { SectionFlow } from './security-section';

export interface ConfirmRemovalProps {
  /** The e-mail's or the PIN's removal (both take nothing and answer `removed`). */
  removal: typeof accountMutations.removeEmail;
  /** The read that shows the setting, asked again once it is gone. */
  queryKey: QueryKey;
  question: string;
  /** What is lost: read with the question when the confirmation takes focus. */
  warning: string;
  confirmLabel: string;
  pendingLabel: string;
  removedKey: MessageKey;
  flow: SectionFlow;
  onStartOver: () => void;
}

/** A removal asks first, in place: the question and its consequence, then "remove" or "keep". */
export function ConfirmRemoval({ removal, queryKey, flow, onStartOver, ...text }: ConfirmRemovalProps) {
  const { t } = useI18n();
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  const queryClient = useQueryClient();
  const remove = useMutation({
    ...removal,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey });
      flow.finish({ key: text.removedKey, tone: 'success' });
    },
  });
  useEffect(() => {
    box.current?.focus();
  }, []);
  const confirm = () => remove.mutate({});
  return (
    <div
      ref={box}
      tabIndex={-1}
      role="group"
      aria-labelledby={`${id}-question`}
      aria-describedby={`${id}-warning`}
      className="flex flex-col gap-3 rounded-control border border-danger-border bg-danger-bg p-4"
    >
      <p id={`${id}-question`} className="break-words font-semibold text-ink">
        {text.question}
      </p>
      <p id={`${id}-warning`} className="text-ink">
        {text.warning}
      </p>
      {remove.error ? <ErrorAlert error={toFlowError(remove.error)} onRetry={confirm} onStartOver={onStartOver} /> : null}
      <div className="flex flex-wrap gap-3">
        <Button variant="danger" pending={remove.isPending} onClick={confirm}>
          {remove.isPending ? text.pendingLabel : text.confirmLabel}
        </Button>
        <Button variant="secondary" disabled={remove.isPending} onClick={() => flow.finish(null)}>
          {t('account.keep')}
        </Button>
      </div>
    </div>
  );
}
