import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages';
import { CheckIcon } from './icons/check';

/**
 * Where the operator is in a journey: short labels, the current one marked with
 * `aria-current="step"`, done ones with a check. On a phone it reads "Step 2 of 4".
 */
export function Stepper({ steps, current }: { steps: readonly MessageKey[]; current: number }) {
  const { t } = useI18n();
  return (
    <nav aria-label={t('stepper.label')} className="mb-6">
      <p className="text-sm font-semibold text-muted sm:hidden">
        {t('stepper.count', { current: String(current + 1), total: String(steps.length) })}
        {' · '}
        <span className="text-ink">{t(steps[current] ?? steps[0] ?? 'stepper.number')}</span>
      </p>
      <ol className="hidden items-center gap-2 sm:flex">
        {steps.map((label, index) => {
          const state = index < current ? 'done' : index === current ? 'current' : 'todo';
          return (
            <li key={label} aria-current={state === 'current' ? 'step' : undefined} className="flex flex-1 items-center gap-2 last:flex-none">
              <span
                className={`flex size-7 shrink-0 items-center justify-center rounded-full border text-sm font-semibold tabular-nums ${
                  state === 'done'
                    ? 'border-accent bg-accent text-accent-contrast'
                    : state === 'current'
                      ? 'border-accent bg-accent-soft text-accent-fg'
                      : 'border-line-strong bg-surface text-muted'
                }`}
              >
                {state === 'done' ? <CheckIcon className="size-4" /> : index + 1}
              </span>
              <span className={`text-sm whitespace-nowrap ${state === 'current' ? 'font-semibold text-ink' : 'text-muted'}`}>{t(label)}</span>
              {index < steps.length - 1 ? <span aria-hidden="true" className={`h-px flex-1 ${state === 'done' ? 'bg-accent' : 'bg-line'}`} /> : null}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
