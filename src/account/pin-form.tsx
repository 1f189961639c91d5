import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { toFlowError } from '../api/api-error';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages';
import { Button } from '../ui/button';
import { ErrorAlert } from '../ui/error-alert';
import { TextField } from '../ui/text-field';
import { accountKeys, accountMutations } from './account-api';
import type { SectionNotice } from './security-section';

interface PinFields {
  pin: string;
  repeat: string;
}

const problems: Record<string, MessageKey> = {
  required: 'account.pin.error.required',
  digits: 'account.pin.error.digits',
  repeatRequired: 'account.pin.error.repeatRequired',
  mismatch: 'account.pin.error.mismatch',
};

export interface PinFormProps {
  onSaved: (notice: SectionNotice) => void;
  onCancel?: () => void;
  onStartOver: () => void;
}

/** A new two-step PIN, typed twice and masked; it lives in this form only and is cleared once saved. */
export function PinForm({ onSaved, onCancel, onStartOver }: PinFormProps) {
  const { t } = useI18n();
  const id = useId();
  const queryClient = useQueryClient();
  const form = useForm<PinFields>({ defaultValues: { pin: '', repeat: '' }, shouldFocusError: true });
  const save = useMutation({
    ...accountMutations.setPin,
    onSuccess: async () => {
      form.reset();
      await queryClient.invalidateQueries({ queryKey: accountKeys.pin });
      onSaved({ key: 'account.pin.saved', tone: 'success' });
    },
  });
  const submit = form.handleSubmit(({ pin }) => save.mutate({ pin }));
  const { errors } = form.formState;
  const message = (problem: string | undefined) => (problem ? t(problems[problem] ?? 'account.pin.error.digits') : undefined);
  const pinInput = {
    type: 'password',
    inputMode: 'numeric',
    // An operator sets this PIN for the account: the browser should not offer to keep it.
    autoComplete: 'off',
    maxLength: 6,
    spellCheck: false,
    readOnly: save.isPending,
  } as const;

  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="flex flex-col gap-4">
      {save.error ? <ErrorAlert error={toFlowError(save.error)} onRetry={() => void submit()} onStartOver={onStartOver} /> : null}
      <TextField
        id={`${id}-pin`}
        label={t('account.pin.new')}
        hint={t('account.pin.newHint')}
        error={message(errors.pin?.message)}
        {...pinInput}
        {...form.register('pin', {
          validate: (value) => (value === '' ? 'required' : /^\d{6}$/.test(value) || 'digits'),
        })}
      />
      <TextField
        id={`${id}-repeat`}
        label={t('account.pin.repeat')}
        error={message(errors.repeat?.message)}
        {...pinInput}
        {...form.register('repeat', {
          validate: (value, values) => (value === '' ? 'repeatRequired' : value === values.pin || 'mismatch'),
        })}
      />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" pending={save.isPending}>
          {save.isPending ? t('account.pin.saving') : t('account.pin.save')}
        </Button>
        {onCancel ? (
          <Button variant="secondary" disabled={save.isPending} onClick={onCancel}>
            {t('account.pin.cancel')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
