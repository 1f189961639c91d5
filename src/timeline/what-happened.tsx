import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { callApiJson } from '../api/client';
import { TIMELINE_PATH, timelineEventSchema, type TimelineEvent } from '../contract/timeline-event';
import { useI18n } from '../i18n/i18n-context';
import { timelineTranslator, type TimelineTranslate } from '../i18n/timeline';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { timelineSentence } from './timeline-sentence';

/**
 * The events of an answer, each parsed with the contract; null when the answer is not a timeline.
 * (Parsed one by one: an array schema would add to the first screen's share of the schema library.)
 */
function eventsOf(answer: unknown): TimelineEvent[] | null {
  if (typeof answer !== 'object' || answer === null || !('events' in answer) || !Array.isArray(answer.events)) return null;
  const events: TimelineEvent[] = [];
  for (const item of answer.events) {
    const parsed = timelineEventSchema.safeParse(item);
    if (!parsed.success) return null;
    events.push(parsed.data);
  }
  return events;
}

const timelineQuery = {
  queryKey: ['timeline'],
  queryFn: async ({ signal }: { signal: AbortSignal }) => {
    const events = eventsOf(await callApiJson({ method: 'GET', path: TIMELINE_PATH }, {}, { signal }));
    if (events === null) throw new Error('not a timeline');
    return events;
  },
  retry: false,
  staleTime: 0,
} as const;

/** The support bundle as a file: asked with the console's credential, checked, saved by the browser. */
async function downloadBundle(): Promise<void> {
  const bundle = await callApiJson({ method: 'GET', path: `${TIMELINE_PATH}?format=bundle` }, {});
  if (eventsOf(bundle) === null) throw new Error('not a support bundle');
  const url = URL.createObjectURL(new Blob([JSON.stringify(bundle, null, 2)], { type: 'application/json' }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = `wa-onboarding-support-${new Date().toISOString().slice(0, 19).replaceAll(':', '-')}.json`;
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/**
 * "What happened": every event of every journey on this instance, newest first, as sentences, with
 * the redacted support bundle to download. Asked only when the operator opens it.
 */
export function WhatHappened() {
  const { locale } = useI18n();
  const t = timelineTranslator(locale);
  const id = useId();
  const [open, setOpen] = useState(false);
  const [downloadFailed, setDownloadFailed] = useState(false);
  const events = useQuery({ ...timelineQuery, enabled: open });

  return (
    <section aria-labelledby={`${id}-heading`} className="mt-6 flex flex-col gap-3 border-t border-line pt-4">
      <h3 id={`${id}-heading`} className="font-semibold">
        {t('timeline.heading')}
      </h3>
      <Button variant="link" className="self-start" aria-expanded={open} aria-controls={`${id}-list`} onClick={() => setOpen(!open)}>
        {t(open ? 'timeline.hide' : 'timeline.show')}
      </Button>
      {open ? (
        <div id={`${id}-list`} className="flex flex-col gap-3">
          {events.isPending ? <p role="status">{t('timeline.loading')}</p> : null}
          {events.isError ? <Alert tone="danger">{t('timeline.failed')}</Alert> : null}
          {events.data?.length === 0 ? <p className="text-muted">{t('timeline.empty')}</p> : null}
          {events.data && events.data.length > 0 ? <EventList events={events.data} t={t} locale={locale} /> : null}
          <Button
            variant="secondary"
            className="self-start"
            onClick={() => {
              setDownloadFailed(false);
              downloadBundle().catch(() => setDownloadFailed(true));
            }}
          >
            {t('timeline.download')}
          </Button>
          {downloadFailed ? <Alert tone="danger">{t('timeline.failed')}</Alert> : null}
        </div>
      ) : null}
    </section>
  );
}

function EventList({ events, t, locale }: { events: TimelineEvent[]; t: TimelineTranslate; locale: string }) {
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' });
  return (
    <ol className="flex flex-col gap-2">
      {events.map((event, index) => (
        <li key={`${String(event.at)}-${String(index)}`} className="flex flex-col gap-0.5 border-l-2 border-line pl-3">
          <time dateTime={new Date(event.at).toISOString()} className="text-xs text-muted">
            {time.format(event.at)}
          </time>
          <span className="text-sm">{timelineSentence(event, t)}</span>
          {event.by === 'owner' ? <span className="text-xs text-muted">{t('timeline.byOwner')}</span> : null}
          {event.code ? <span className="font-mono text-xs text-muted">{t('timeline.code', { code: event.code })}</span> : null}
        </li>
      ))}
    </ol>
  );
}
