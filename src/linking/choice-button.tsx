import { useId, type ComponentType } from 'react';
import { ChevronRightIcon } from '../ui/icons/chevron-right';
import type { IconProps } from '../ui/icons/svg';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages';

/** A large button with a title and the one sentence that says when to pick it. */
export function ChoiceButton({
  title,
  detail,
  onClick,
  Icon,
}: {
  title: MessageKey;
  detail: MessageKey;
  onClick: () => void;
  Icon?: ComponentType<IconProps>;
}) {
  const { t } = useI18n();
  const id = useId();
  return (
    <button
      type="button"
      onClick={onClick}
      aria-describedby={`${id}-detail`}
      className="group flex min-h-11 items-center gap-4 rounded-card border border-line bg-surface px-4 py-4 text-left transition-colors duration-state hover:border-accent hover:bg-accent-soft"
    >
      {Icon ? (
        <span className="flex size-10 shrink-0 items-center justify-center rounded-full bg-accent-soft text-accent-fg">
          <Icon className="size-5" />
        </span>
      ) : null}
      <span className="flex flex-1 flex-col gap-1">
        <span className="font-semibold text-ink">{t(title)}</span>
        <span id={`${id}-detail`} className="text-muted">
          {t(detail)}
        </span>
      </span>
      <ChevronRightIcon className="size-5 text-muted" />
    </button>
  );
}
