import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useSyncExternalStore, type ReactNode } from 'react';
import { statusAtStart } from '../account/start-check';
import { useOnline } from '../app/use-online';
import type { FlowStore } from '../flow/store';
import { embedTranslator } from '../i18n/embed';
import { useI18n } from '../i18n/i18n-context';
import type { Locale } from '../i18n/locales';
import { Alert } from '../ui/alert';
import type { Bridge } from './bridge';
import type { EmbedSession } from './embed-session';
import { onHandoffNews } from './handoff-channel';
import { reportFlow, reportHeight } from './reporting';

export interface EmbeddedShellDeps {
  bridge: Bridge;
  session: EmbedSession;
  store: FlowStore;
  /** Locale changes asked for by the portal. */
  onLocale: (listener: (locale: Locale) => void) => () => void;
}

/**
 * The console inside a portal's frame: no header or page chrome, compact spacing, the portal's
 * theme, and a notice while the portal renews an expired session. The journey is the same.
 */
export function createEmbeddedLayout({ bridge, session, store, onLocale }: EmbeddedShellDeps) {
  return function EmbeddedLayout({ children }: { children: ReactNode; demo: boolean }) {
    const { t, locale, setLocale } = useI18n();
    const te = embedTranslator(locale);
    const online = useOnline();
    const status = useSyncExternalStore(session.subscribe, session.status);
    const frame = useRef<HTMLDivElement>(null);
    // The start-up check may open the connected screen without the journey: the portal hears it too.
    const connectedAtStart = useQuery({ ...statusAtStart, enabled: false }).data?.connected === true;

    useEffect(() => onLocale(setLocale), [setLocale]);
    useEffect(() => reportFlow(bridge, store), []);
    useEffect(() => onHandoffNews((event) => bridge.post({ type: 'handoff', event })), []);
    useEffect(() => (frame.current ? reportHeight(bridge, frame.current) : undefined), []);
    useEffect(() => {
      if (connectedAtStart) bridge.post({ type: 'connected' });
    }, [connectedAtStart]);

    return (
      <div ref={frame} className="bg-page text-ink">
        <h1 className="sr-only">{te('embed.title')}</h1>
        <main aria-label={t('app.main')} className="flex flex-col gap-3 p-3">
          {status === 'expired' ? <Alert tone="info">{te('embed.session.expired')}</Alert> : null}
          {status === 'renewed' ? <Alert tone="success">{te('embed.session.renewed')}</Alert> : null}
          {online ? null : <Alert tone="danger">{t('app.offline')}</Alert>}
          <div className="rounded-card border border-line bg-surface p-4 shadow-card">{children}</div>
        </main>
      </div>
    );
  };
}

/** Shown in the frame when the token from the portal could not be exchanged. */
export function EmbedUnavailable() {
  const { t, locale } = useI18n();
  const te = embedTranslator(locale);
  return (
    <main aria-label={t('app.main')} className="flex flex-col gap-2 bg-page p-3 text-ink">
      <h1 className="text-xl font-bold">{te('embed.unavailable.title')}</h1>
      <p>{te('embed.unavailable.text')}</p>
    </main>
  );
}
