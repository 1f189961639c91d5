import { useId, type ComponentType, type ReactNode } from 'react';
import type { Tone } from './alert';
import type { IconProps } from './icons/svg';
import { StepHeading } from './step-heading';

const badge: Record<Tone, string> = {
  success: 'bg-success-bg text-success-fg border-success-border',
  info: 'bg-info-bg text-info-fg border-info-border',
  warning: 'bg-warning-bg text-warning-fg border-warning-border',
  danger: 'bg-danger-bg text-danger-fg border-danger-border',
};

export interface StepStatus {
  tone: Tone;
  Icon: ComponentType<IconProps>;
}

/**
 * A screen of the console: a region named by its heading, which takes focus when the screen
 * appears. A status screen (connected, banned, blocked, outage…) shows its icon in a tinted circle
 * above the heading, so each state is recognisable at a glance.
 */
export function StepFrame({ heading, status, children }: { heading: string; status?: StepStatus; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={`${id}-heading`} data-status={status?.tone} className="flex flex-col gap-5">
      {status ? (
        <span className={`flex size-14 items-center justify-center rounded-full border ${badge[status.tone]}`}>
          <status.Icon className="size-7" />
        </span>
      ) : null}
      <StepHeading id={`${id}-heading`}>{heading}</StepHeading>
      {children}
    </section>
  );
}
