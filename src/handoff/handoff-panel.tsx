import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import type { HandoffLink } from '../contract/handoff';
import type { HandoffStep, Journey } from '../contract/journey';
import { announceHandoff } from '../embed/handoff-channel';
import { dispatcher } from '../flow/dispatch';
import type { FlowState } from '../flow/state';
import type { FlowStore } from '../flow/store';
import { useFlowState } from '../app/use-flow-state';
import { handoffTranslator } from '../i18n/handoff';
import { useI18n } from '../i18n/i18n-context';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { handoffApi, journeyQuery, JOURNEY_POLL_MS, ownerLink } from './handoff-api';
import { noteOwnerEntry } from './owner-entry';
import { QrSvg } from './qr-svg';

type Status = { kind: 'idle' } | { kind: 'live'; link: HandoffLink } | { kind: 'ended'; why: 'revoked' | 'expired' } | { kind: 'failed' };

/**
 * Moves the console's journey to where the owner's entry took the proxy's, with the same events the
 * operator's own entry would have dispatched. Returns whether it moved.
 */
export function followOwner(store: FlowStore, journey: Journey): boolean {
  const dispatch = dispatcher(store);
  const state: FlowState = store.getState();
  if (state.step === 'awaitingCode') {
    // Wrong codes typed by the owner count here too, so "attempts left" stays true.
    let wrong = journey.step === 'available' ? journey.wrongCodes - state.code.wrongCodes : 0;
    for (; wrong > 0; wrong -= 1) {
      dispatch({ type: 'CODE_SUBMITTED' });
      dispatch({ type: 'CODE_RESOLVED', result: { outcome: 'wrong-code' } });
    }
    const outcome = journey.step === 'connected' ? 'connected' : journey.step === 'pin' ? 'pin-required' : journey.step === 'transfer' ? 'transfer-required' : null;
    if (outcome === null) return false;
    dispatch({ type: 'CODE_SUBMITTED' });
    return moved(store, dispatch({ type: 'CODE_RESOLVED', result: { outcome } }), journey);
  }
  if (state.step === 'awaitingPin') {
    const outcome = journey.step === 'connected' ? 'connected' : journey.step === 'transfer' ? 'transfer-required' : null;
    if (outcome === null) return false;
    dispatch({ type: 'PIN_SUBMITTED' });
    return moved(store, dispatch({ type: 'PIN_RESOLVED', result: { outcome } }), journey);
  }
  return false;
}

/** Notes who typed what moved the journey, for the next screen to say. */
function moved(store: FlowStore, accepted: boolean, journey: Journey): boolean {
  if (accepted) noteOwnerEntry(journey.lastEntry?.by === 'owner' ? store.getState().step : null);
  return accepted;
}

/**
 * On the code and PIN steps: a link for the number's owner (URL, copy, QR), revocable, and the
 * journey followed every 1.5 s while it lives, so the console moves on when the owner has typed.
 */
export function HandoffPanel({ store, step }: { store: FlowStore; step: HandoffStep }) {
  const { locale } = useI18n();
  const t = handoffTranslator(locale);
  const id = useId();
  const state = useFlowState(store);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [pending, setPending] = useState(false);
  const [copied, setCopied] = useState(false);
  const token = status.kind === 'live' ? status.link.token : null;
  const journey = useQuery({
    ...journeyQuery,
    // One cache entry per link, so an answer about an earlier link never ends this one.
    queryKey: [...journeyQuery.queryKey, token ?? ''],
    enabled: token !== null,
    refetchInterval: (query) => (query.state.data && query.state.data.handoff === null ? false : JOURNEY_POLL_MS),
  });
  // The proxy no longer knows the link as live (and the journey did not end): it expired or was replaced.
  const ended = token !== null && journey.data !== undefined && journey.data.handoff === null && journey.data.step !== 'connected';
  const seenAt = useRef(0);

  useEffect(() => {
    const answer = journey.data;
    if (!answer || token === null || journey.dataUpdatedAt === seenAt.current) return;
    seenAt.current = journey.dataUpdatedAt;
    if (followOwner(store, answer)) announceHandoff('used');
    else if (answer.handoff === null && answer.step !== 'connected') announceHandoff('expired');
  }, [journey.data, journey.dataUpdatedAt, token, store]);

  // The operator typed it himself meanwhile: the panel of that step is gone with it.
  const busy = state.step === 'confirmingCode' || state.step === 'confirmingPin' || state.step === 'recoveringPin';

  const create = () => {
    setPending(true);
    handoffApi.create().then(
      (link) => {
        setPending(false);
        setCopied(false);
        setStatus({ kind: 'live', link });
        announceHandoff('created');
      },
      () => {
        setPending(false);
        setStatus({ kind: 'failed' });
      },
    );
  };
  const revoke = () => {
    setPending(true);
    const done = () => {
      setPending(false);
      setStatus({ kind: 'ended', why: 'revoked' });
      announceHandoff('expired');
    };
    handoffApi.revoke().then(done, done);
  };

  const url = status.kind === 'live' ? ownerLink(status.link.token) : '';
  const until = status.kind === 'live' ? new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(status.link.expiresAt) : '';

  return (
    <section aria-labelledby={`${id}-heading`} className="mt-6 flex flex-col gap-3 border-t border-line pt-4">
      <h3 id={`${id}-heading`} className="font-semibold">
        {t(step === 'code' ? 'handoff.heading.code' : 'handoff.heading.pin')}
      </h3>
      <p className="text-sm text-muted">{t(step === 'code' ? 'handoff.explain.code' : 'handoff.explain.pin')}</p>
      {status.kind === 'live' && !ended ? (
        <>
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-url`} className="text-sm font-semibold">
              {t('handoff.link')}
            </label>
            <input id={`${id}-url`} readOnly value={url} className="min-h-11 rounded-box border border-line bg-page px-3 py-2 font-mono text-sm" onFocus={(event) => event.target.select()} />
          </div>
          <div className="flex flex-wrap gap-2">
            <Button
              variant="secondary"
              onClick={() => {
                void navigator.clipboard.writeText(url).then(() => setCopied(true), () => setCopied(false));
              }}
            >
              {t('handoff.copy')}
            </Button>
            <Button variant="secondary" pending={pending} onClick={revoke}>
              {t('handoff.revoke')}
            </Button>
          </div>
          {copied ? <p role="status" className="text-sm">{t('handoff.copied')}</p> : null}
          <QrSvg text={url} label={t('handoff.qr')} />
          <p className="text-sm text-muted">{t('handoff.expires', { time: until })}</p>
          <p role="status" className="text-sm">
            {journey.data?.handoff?.opened ? t('handoff.opened') : t('handoff.waiting')}
          </p>
        </>
      ) : (
        <>
          {ended ? <Alert tone="info">{t('handoff.expired')}</Alert> : null}
          {status.kind === 'ended' ? <Alert tone="info">{t(status.why === 'revoked' ? 'handoff.revoked' : 'handoff.expired')}</Alert> : null}
          {status.kind === 'failed' ? <Alert tone="danger">{t('handoff.failed')}</Alert> : null}
          <Button variant="secondary" className="self-start" pending={pending} disabled={busy} onClick={create}>
            {t('handoff.create')}
          </Button>
        </>
      )}
    </section>
  );
}
