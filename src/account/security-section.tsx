import type { UseQueryResult } from '@tanstack/react-query';
import { useId, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages';
import { Alert } from '../ui/alert';
import { QueryView } from './query-view';
import { useFleeting } from '../ui/use-fleeting';

/** What a section says after a change: a confirmation, or a refusal that is not tied to a field. */
export interface SectionNotice {
  key: MessageKey;
  params?: Record<string, string>;
  tone: 'success' | 'danger';
}

export type SectionMode = 'view' | 'change' | 'remove';

export interface SectionFlow {
  mode: SectionMode;
  notice: SectionNotice | null;
  headingId: string;
  /** Opens the change form or the removal confirmation; the last notice is done with. */
  open: (mode: Exclude<SectionMode, 'view'>) => void;
  /** Back to the section's summary, with what to say; focus returns to the section's heading. */
  finish: (notice: SectionNotice | null) => void;
}

/**
 * The state every account-security section shares: which part is open and the last thing it said.
 * After a change or a cancel, the part that had focus is gone, so focus goes to the section heading.
 */
function useSectionFlow(): SectionFlow {
  const [mode, setMode] = useState<SectionMode>('view');
  const [notice, setNotice] = useState<SectionNotice | null>(null);
  const headingId = useId();
  return {
    mode,
    notice,
    headingId,
    open: (next) => {
      setNotice(null);
      setMode(next);
    },
    finish: (next) => {
      setMode('view');
      setNotice(next);
      document.getElementById(headingId)?.focus();
    },
  };
}

export interface SecuritySectionProps<T> {
  title: string;
  /** The provider's read of the setting. */
  query: UseQueryResult<T>;
  onStartOver: () => void;
  /** The setting as read, in the part of the section that is open. */
  children: (data: T, flow: SectionFlow) => ReactNode;
}

/** One setting of account security: its heading, what it last said, and its current state. */
export function SecuritySection<T>({ title, query, onStartOver, children }: SecuritySectionProps<T>) {
  const { t } = useI18n();
  const flow = useSectionFlow();
  // A confirmation goes away after a few seconds; a refusal stays until the next change.
  const fleeting = useFleeting(flow.notice?.tone === 'success' ? flow.notice : null);
  const notice = flow.notice?.tone === 'success' ? fleeting : flow.notice;
  return (
    <section aria-labelledby={flow.headingId} className="flex flex-col gap-3 border-t border-line pt-4">
      <h3 id={flow.headingId} tabIndex={-1} className="text-lg font-semibold text-ink">
        {title}
      </h3>
      {notice ? <Alert tone={notice.tone}>{t(notice.key, notice.params)}</Alert> : null}
      <QueryView query={query} onStartOver={onStartOver}>
        {(data) => children(data, flow)}
      </QueryView>
    </section>
  );
}
