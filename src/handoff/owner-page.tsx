import { useEffect, useId, useState, type ReactNode } from 'react';
import { ApiError } from '../api/api-error';
import type { HandoffSubmission, HandoffView } from '../contract/handoff';
import { handoffTranslator, type HandoffTranslate } from '../i18n/handoff';
import type { Locale } from '../i18n/locales';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { OtpInput } from '../ui/otp-input';
import { LanguageSelect } from '../ui/language-select';
import { StepFrame } from '../ui/step-frame';
import { ownerApi } from './owner-api';

type OpenView = Extract<HandoffView, { outcome: 'open' }>;
type Dead = 'used' | 'revoked' | 'expired' | 'unknown';
type Notice = { kind: 'wrong'; attemptsLeft: number } | { kind: 'recovery-sent' | 'no-email' | 'failed' } | { kind: 'limited'; minutes: number };

type Screen =
  | { kind: 'loading' }
  | { kind: 'open'; view: OpenView; notice: Notice | null }
  | { kind: 'done'; outcome: 'connected' | 'accepted' }
  | { kind: 'dead'; reason: Dead }
  | { kind: 'problem'; notice: Notice };


/** A failure as the owner is told it: a dead link, too many tries (with the wait), or "try again". */
function noticeOf(error: unknown): { dead: Dead } | { notice: Notice } {
  if (error instanceof ApiError && (error.code === 'NOT_FOUND' || error.code === 'INVALID_REQUEST')) return { dead: 'unknown' };
  if (error instanceof ApiError && error.status === 429) {
    return { notice: { kind: 'limited', minutes: Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60)) } };
  }
  // The journey moved on between opening the link and sending: the link is no longer for this step.
  if (error instanceof ApiError && error.code === 'STEP_OUT_OF_ORDER') return { dead: 'expired' };
  return { notice: { kind: 'failed' } };
}

function after(view: OpenView, result: HandoffSubmission): Screen {
  switch (result.outcome) {
    case 'connected':
    case 'accepted':
      return { kind: 'done', outcome: result.outcome };
    case 'wrong':
      return { kind: 'open', view: { ...view, attemptsLeft: result.attemptsLeft }, notice: { kind: 'wrong', attemptsLeft: result.attemptsLeft } };
    case 'recovery-sent':
    case 'no-email':
      return { kind: 'open', view, notice: { kind: result.outcome } };
    default:
      return { kind: 'dead', reason: result.outcome };
  }
}

/**
 * The page the number's owner opens from a hand-off link, on their phone: who asks, the masked
 * number, what will happen, and the one field the step needs. It knows nothing but its token.
 */
export function OwnerPage({ token, initialLocale }: { token: string; initialLocale: Locale }) {
  const [locale, setLocale] = useState(initialLocale);
  const [screen, setScreen] = useState<Screen>(token === '' ? { kind: 'dead', reason: 'unknown' } : { kind: 'loading' });
  const t = handoffTranslator(locale);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  useEffect(() => {
    if (token === '') return;
    let live = true;
    ownerApi.open(token).then(
      (view) => live && setScreen(view.outcome === 'open' ? { kind: 'open', view, notice: null } : { kind: 'dead', reason: view.outcome }),
      (error: unknown) => {
        if (!live) return;
        const told = noticeOf(error);
        setScreen('dead' in told ? { kind: 'dead', reason: told.dead } : { kind: 'problem', notice: told.notice });
      },
    );
    return () => {
      live = false;
    };
  }, [token]);

  return (
    <div className="min-h-screen bg-page text-ink">
      <header className="border-b border-line bg-surface">
        <div className="mx-auto flex max-w-md flex-wrap items-center justify-between gap-3 px-4 py-3">
          <p className="font-bold">{screen.kind === 'open' ? screen.view.brand : 'WhatsApp'}</p>
          <LanguageSelect label={t('owner.language')} locale={locale} onChange={setLocale} />
        </div>
      </header>
      <main aria-label={t('owner.region')} className="mx-auto flex max-w-md flex-col gap-4 px-4 py-6">
        <div className="rounded-box border border-line bg-surface p-5 shadow-sm">
          <Body screen={screen} t={t} locale={locale} token={token} onScreen={setScreen} />
        </div>
      </main>
    </div>
  );
}

function Body({ screen, t, locale, token, onScreen }: { screen: Screen; t: HandoffTranslate; locale: Locale; token: string; onScreen: (screen: Screen) => void }) {
  switch (screen.kind) {
    case 'loading':
      return <p role="status">{t('owner.loading')}</p>;
    case 'dead':
      return (
        <StepFrame heading={t(`owner.dead.${screen.reason}.title`)}>
          <p>{t(`owner.dead.${screen.reason}.text`)}</p>
        </StepFrame>
      );
    case 'done':
      return (
        <StepFrame heading={t('owner.done.title')}>
          <Alert tone="success">{t(screen.outcome === 'connected' ? 'owner.done.connected' : 'owner.done.accepted')}</Alert>
        </StepFrame>
      );
    case 'problem':
      return <NoticeAlert notice={screen.notice} t={t} step="code" />;
    case 'open':
      return <EntryForm view={screen.view} notice={screen.notice} t={t} locale={locale} token={token} onScreen={onScreen} />;
  }
}

function NoticeAlert({ notice, t, step }: { notice: Notice; t: HandoffTranslate; step: 'code' | 'pin' }): ReactNode {
  switch (notice.kind) {
    case 'wrong':
      if (notice.attemptsLeft === 0) return <Alert tone="danger">{t('owner.wrong.none')}</Alert>;
      return <Alert tone="danger">{t(notice.attemptsLeft === 1 ? `owner.wrong.${step}.one` : `owner.wrong.${step}.other`, { count: notice.attemptsLeft })}</Alert>;
    case 'limited':
      return <Alert tone="danger">{t('owner.limited', { minutes: notice.minutes })}</Alert>;
    case 'recovery-sent':
      return <Alert tone="info">{t('owner.recoverySent')}</Alert>;
    case 'no-email':
      return <Alert tone="info">{t('owner.noEmail')}</Alert>;
    case 'failed':
      return <Alert tone="danger">{t('owner.failed')}</Alert>;
  }
}

function EntryForm({ view, notice, t, locale, token, onScreen }: { view: OpenView; notice: Notice | null; t: HandoffTranslate; locale: Locale; token: string; onScreen: (screen: Screen) => void }) {
  const [value, setValue] = useState('');
  const [pending, setPending] = useState(false);
  const id = useId();
  const until = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(view.expiresAt);
  const exhausted = view.attemptsLeft === 0;

  const send = (request: () => Promise<HandoffSubmission>) => {
    if (pending) return;
    setPending(true);
    request().then(
      (result) => {
        setPending(false);
        setValue('');
        onScreen(after(view, result));
      },
      (error: unknown) => {
        setPending(false);
        const told = noticeOf(error);
        onScreen('dead' in told ? { kind: 'dead', reason: told.dead } : { kind: 'open', view, notice: told.notice });
      },
    );
  };
  const submit = (digits: string) => {
    if (digits.length !== 6) return;
    send(() => (view.step === 'code' ? ownerApi.code(token, digits) : ownerApi.pin(token, digits)));
  };
  return (
    <StepFrame heading={t(view.step === 'code' ? 'owner.title.code' : 'owner.title.pin', { brand: view.brand })}>
      <p className="font-semibold">{t('owner.number', { number: view.maskedNumber })}</p>
      <p className="text-muted">{t(view.step === 'code' ? 'owner.explain.code' : 'owner.explain.pin', { brand: view.brand })}</p>
      {notice ? <NoticeAlert notice={notice} t={t} step={view.step} /> : null}
      {!notice && exhausted ? <Alert tone="danger">{t('owner.wrong.none')}</Alert> : null}
      <form
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          submit(value);
        }}
      >
        <OtpInput
          id={`${id}-digits`}
          label={t(view.step === 'code' ? 'owner.code.label' : 'owner.pin.label')}
          hint={view.step === 'code' ? t('owner.code.hint') : undefined}
          value={value}
          disabled={pending || exhausted}
          autoComplete={view.step === 'code' ? 'one-time-code' : 'off'}
          onChange={setValue}
          onComplete={submit}
        />
        <Button type="submit" pending={pending} disabled={exhausted || value.length !== 6} className="self-start">
          {t('owner.submit')}
        </Button>
      </form>
      {view.step === 'pin' ? (
        <Button variant="link" className="self-start" disabled={pending} onClick={() => send(() => ownerApi.recoverPin(token))}>
          {t('owner.forgotPin')}
        </Button>
      ) : null}
      <p className="text-sm text-muted">{t('owner.expiresAt', { time: until })}</p>
    </StepFrame>
  );
}
