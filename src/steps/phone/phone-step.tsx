import { useContext, useEffect, useId, useMemo, useRef, useState } from 'react';
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
import type { RegistrationActions } from '../../flow/journey-runner';
import { countryByDdi, countryByIso, countryChoices, defaultCountry, splitInternational, type Country } from './countries';
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
  const initialCountry = (state.phone ? countryByDdi(state.phone.ddi) : undefined) ?? defaultCountry;
  const form = useForm<PhoneForm>({
    defaultValues: { country: initialCountry.iso, number: state.phone?.phone ?? '' },
    shouldFocusError: true,
  });
  const countryIso = useWatch({ control: form.control, name: 'country' });
  const country = countryByIso(countryIso) ?? defaultCountry;

  const names = useMemo(() => new Intl.DisplayNames([locale], { type: 'region' }), [locale]);
  const [search, setSearch] = useState('');
  const choices = useMemo(() => countryChoices((iso) => names.of(iso) ?? iso, locale, search), [names, locale, search]);
  // The chosen country stays listed while a search narrows the rest.
  const listed = choices.some((option) => option.iso === country.iso) ? choices : [country, ...choices];
  // A search picks its best match, once that option is on the page.
  const best = search.trim() === '' ? undefined : choices[0]?.iso;
  useEffect(() => {
    if (best === undefined) return;
    form.setValue('country', best);
    form.clearErrors('number');
  }, [best, form]);

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

  const typed = useWatch({ control: form.control, name: 'number' });
  const errorKey = form.formState.errors.number?.message;
  // The proxy's exact check refused the number just sent: said on the field until it is changed.
  const refused =
    state.step === 'phoneEntry' && state.error?.field === 'phone' && state.phone !== null && typed.replace(/\D/g, '') === state.phone.phone;
  useEffect(() => {
    if (refused) form.setFocus('number');
  }, [refused, form]);
  const fieldError = errorKey
    ? phoneErrorText(errorKey, country, form.getValues('number'), names, t)
    : refused
      ? t(country.iso === 'BR' ? 'phone.error.invalid.br' : 'phone.error.invalid', { country: names.of(country.iso) ?? country.iso })
      : undefined;

  return (
    <StepFrame heading={t(copy.heading)}>
      <p className="text-muted">{t(copy.intro)}</p>
      {state.step === 'phoneEntry' && state.error && !state.error.field ? (
        <ErrorAlert error={state.error} onRetry={retry} onStartOver={actions.startOver} retries={retries} />
      ) : null}
      <form noValidate onSubmit={(event) => void submit(event)} className="flex flex-col gap-4">
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-search`} className="font-semibold text-ink">
            {t('phone.countrySearch')}
          </label>
          <input
            id={`${id}-search`}
            type="search"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            disabled={pending}
            autoComplete="off"
            aria-describedby={`${id}-search-hint`}
            className="min-h-11 rounded-control border border-line-strong bg-surface px-3 py-2 text-ink"
          />
          <p id={`${id}-search-hint`} className="text-sm text-muted" aria-live="polite">
            {search.trim() !== '' && choices.length === 0 ? t('phone.countryNone', { search: search.trim() }) : t('phone.countrySearchHint')}
          </p>
        </div>
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
            {listed.map((option) => (
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
  return t(messageKey, {
    country: names.of(country.iso) ?? country.iso,
    lengths: lengthsText(country.lengths, t),
    area: typed.replace(/\D/g, '').slice(0, 2),
  });
}

/** 9 · 10 or 11 · 4 to 15. */
function lengthsText(lengths: readonly number[], t: ReturnType<typeof useI18n>['t']): string {
  const first = String(lengths[0] ?? '');
  const last = String(lengths.at(-1) ?? '');
  if (lengths.length === 1) return first;
  return lengths.length === 2 ? t('phone.or', { a: first, b: last }) : t('phone.between', { a: first, b: last });
}
