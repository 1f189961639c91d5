import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { toFlowError } from '../api/api-error';
import { emailAddressSchema } from '../contract/account';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages';
import { Button } from '../ui/button';
import { ErrorAlert } from '../ui/error-alert';
import { TextField } from '../ui/text-field';
import { accountKeys, accountMutations } from './account-api';
import type { SectionNotice } from './security-section';

/** Why an address is refused, from the contract's own check or from the provider. */
const reasons: Record<string, MessageKey> = {
  required: 'account.email.error.required',
  'too long': 'account.email.error.length',
  'not an address': 'account.email.error.format',
  rejected: 'account.email.error.rejected',
};

function shapeProblem(value: string): string | true {
  const parsed = emailAddressSchema.safeParse(value);
  return parsed.success || (parsed.error.issues[0]?.message ?? 'not an address');
}

export interface EmailFormProps {
  onSaved: (notice: SectionNotice) => void;
  onCancel?: () => void;
  onStartOver: () => void;
}

/**
 * A new recovery e-mail. The address is checked on the field first; an address WhatsApp refuses
 * comes back to the same field, with what was typed still in it.
 */
export function EmailForm({ onSaved, onCancel, onStartOver }: EmailFormProps) {
  const { t } = useI18n();
  const id = useId();
  const queryClient = useQueryClient();
  const form = useForm<{ email: string }>({ defaultValues: { email: '' }, shouldFocusError: true });
  const save = useMutation({
    ...accountMutations.setEmail,
    onSuccess: async (result, { email }) => {
      if (result.outcome === 'invalid-email') {
        form.setError('email', { message: 'rejected' }, { shouldFocus: true });
        return;
      }
      await queryClient.invalidateQueries({ queryKey: accountKeys.email });
      onSaved(
        result.outcome === 'verification-sent'
          ? { key: 'account.email.sent', params: { email }, tone: 'success' }
          : { key: 'account.email.saved', tone: 'success' },
      );
    },
  });
  const submit = form.handleSubmit(({ email }) => save.mutate({ email: email.trim() }));
  const reason = form.formState.errors.email?.message;

  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="flex flex-col gap-4">
      {save.error ? <ErrorAlert error={toFlowError(save.error)} onRetry={() => void submit()} onStartOver={onStartOver} /> : null}
      <TextField
        id={`${id}-email`}
        label={t('account.email.label')}
        hint={t('account.email.hint')}
        error={reason ? t(reasons[reason] ?? 'account.email.error.format') : undefined}
        type="email"
        inputMode="email"
        autoComplete="email"
        spellCheck={false}
        readOnly={save.isPending}
        {...form.register('email', { validate: shapeProblem })}
      />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" pending={save.isPending}>
          {save.isPending ? t('account.email.saving') : t('account.email.save')}
        </Button>
        {onCancel ? (
          <Button variant="secondary" disabled={save.isPending} onClick={onCancel}>
            {t('account.email.cancel')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
