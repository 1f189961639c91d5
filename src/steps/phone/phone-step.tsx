import { useContext, useId, useMemo, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { StateOf } from '../../flow/state';
import { useI18n } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/messages';
import { BackToChoiceContext } from '../../ui/back-context';
import { ArrowLeftIcon } from '../../ui/icons/arrow-left';
import { StillWorking } from '../../ui/still-working';
import { Button } from '../../ui/button';
import { ErrorAlert } from '../../ui/error-alert';
import { StepFrame } from '../../ui/step-frame';
import { TextField } from '../../ui/text-field';
import type { RegistrationActions } from '../use-registration-actions';
import { countries, countryByIso, defaultCountry, splitInternational, type Country } from './countries';
import { validatePhone } from './validate-phone';

interface PhoneForm {
  country: string;
  number: string;
}

/** The words of the step, so that linking by code can ask for the number with the same field. */
export interface PhoneStepCopy {
  heading: MessageKey;
  intro: MessageKey;
  submit: MessageKey;
}

const registrationCopy: PhoneStepCopy = { heading: 'phone.heading', intro: 'phone.intro', submit: 'phone.submit' };

export function PhoneStep({
  state,
  actions,
  copy = registrationCopy,
  onBack,
}: {
  state: StateOf<'phoneEntry'> | StateOf<'checkingAvailability'>;
  actions: Pick<RegistrationActions, 'submitPhone' | 'startOver'>;
  copy?: PhoneStepCopy;
  /** Back to where the operator came from; by default the first choice, when there was one. */
  onBack?: () => void;
}) {
  const { t, locale } = useI18n();
  const backToChoice = useContext(BackToChoiceContext);
  const back =
    onBack ??
    (backToChoice
      ? () => {
          actions.startOver();
          backToChoice();
        }
      : undefined);
  const id = useId();
  const pending = state.step === 'checkingAvailability';
  const submitButton = useRef<HTMLButtonElement>(null);
  // "Try again" keeps focus on the (now busy) button and counts, so a retry that fails at once still shows it happened.
  const [retries, setRetries] = useState(0);
  const retry = () => {
    setRetries((count) => count + 1);
    submitButton.current?.focus();
    void submit();
  };
  const initialCountry = countries.find((country) => country.ddi === state.phone?.ddi) ?? defaultCountry;
  const form = useForm<PhoneForm>({
    defaultValues: { country: initialCountry.iso, number: state.phone?.phone ?? '' },
    shouldFocusError: true,
  });
  const countryIso = useWatch({ control: form.control, name: 'country' });
  const country = countryByIso(countryIso) ?? defaultCountry;

  const names = useMemo(() => new Intl.DisplayNames([locale], { type: 'region' }), [locale]);
  const sorted = useMemo(
    () => [...countries].sort((a, b) => (names.of(a.iso) ?? a.iso).localeCompare(names.of(b.iso) ?? b.iso, locale)),
    [names, locale],
  );

  const submit = form.handleSubmit((values) => {
    const check = validatePhone(countryByIso(values.country) ?? defaultCountry, values.number);
    if (check.ok) actions.submitPhone(check.phone);
  });

  const numberField = form.register('number', {
    validate: (value, values) => {
      const check = validatePhone(countryByIso(values.country) ?? defaultCountry, value);
      return check.ok || check.error;
    },
    onChange: (event: { target: { value: string } }) => {
      // A pasted "+55 11 98765-4321" picks the country and keeps the rest as the national number.
      const international = splitInternational(event.target.value);
      if (international) {
        form.setValue('country', international.country.iso);
        form.setValue('number', international.national);
      }
    },
  });

  const errorKey = form.formState.errors.number?.message;
  const fieldError = errorKey ? phoneErrorText(errorKey, country, form.getValues('number'), names, t) : undefined;

  return (
    <StepFrame heading={t(copy.heading)}>
      <p className="text-muted">{t(copy.intro)}</p>
      {state.step === 'phoneEntry' && state.error ? (
        <ErrorAlert error={state.error} onRetry={retry} onStartOver={actions.startOver} retries={retries} />
      ) : null}
      <form noValidate onSubmit={(event) => void submit(event)} className="flex flex-col gap-4">
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-country`} className="font-semibold text-ink">
            {t('phone.country')}
          </label>
          <select
            id={`${id}-country`}
            disabled={pending}
            className="min-h-11 rounded-control border border-line-strong bg-surface px-3 py-2 text-ink"
            {...form.register('country', { onChange: () => form.clearErrors('number') })}
          >
            {sorted.map((option) => (
              <option key={option.iso} value={option.iso}>
                {`${names.of(option.iso) ?? option.iso} (+${option.ddi})`}
              </option>
            ))}
          </select>
        </div>
        <TextField
          id={`${id}-number`}
          label={t(country.ddi === '55' ? 'phone.number.br' : 'phone.number')}
          hint={t('phone.numberHint', { example: country.example })}
          error={fieldError}
          type="tel"
          inputMode="tel"
          autoComplete="tel-national"
          readOnly={pending}
          {...numberField}
        />
        <div className="flex flex-wrap items-center gap-3">
          <Button ref={submitButton} type="submit" pending={pending}>
            {pending ? t('phone.checking') : t(copy.submit)}
          </Button>
          {back ? (
            <Button variant="secondary" disabled={pending} onClick={back}>
              <ArrowLeftIcon className="size-4" />
              {t('app.back')}
            </Button>
          ) : null}
        </div>
        <StillWorking active={pending} />
      </form>
    </StepFrame>
  );
}

function phoneErrorText(
  key: string,
  country: Country,
  typed: string,
  names: Intl.DisplayNames,
  t: ReturnType<typeof useI18n>['t'],
): string {
  const known: MessageKey[] = ['phone.error.required', 'phone.error.digits', 'phone.error.length', 'phone.error.areaCode', 'phone.error.mobile'];
  const found = known.find((candidate) => candidate === key) ?? 'phone.error.length';
  // "DDD" is Brazil's word, and Brazil's name takes an article in Portuguese: its own sentence.
  const messageKey = found === 'phone.error.length' && country.ddi === '55' ? 'phone.error.length.br' : found;
  const lengths = country.lengths.map(String);
  return t(messageKey, {
    country: names.of(country.iso) ?? country.iso,
    lengths: lengths.length === 2 ? t('phone.or', { a: lengths[0] ?? '', b: lengths[1] ?? '' }) : (lengths[0] ?? ''),
    area: typed.replace(/\D/g, '').slice(0, 2),
  });
}
