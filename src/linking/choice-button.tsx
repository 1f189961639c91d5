import { useId } from 'react';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages';

/** A large button with a title and the one sentence that says when to pick it. */
export function ChoiceButton({ title, detail, onClick }: { title: MessageKey; detail: MessageKey; onClick: () => void }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <button
      type="button"
      onClick={onClick}
      aria-describedby={`${id}-detail`}
      className="flex min-h-11 flex-col gap-1 rounded-box border border-line bg-surface px-4 py-3 text-left hover:bg-page"
    >
      <span className="font-semibold text-ink">{t(title)}</span>
      <span id={`${id}-detail`} className="text-muted">
        {t(detail)}
      </span>
    </button>
  );
}
