import type { ComponentType, ReactNode } from 'react';
import type { Tone } from './alert';
import type { IconProps } from './icons/svg';
import { StepFrame } from './step-frame';

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
 * A status screen (connected, banned, blocked, outage…): its icon in a tinted circle above the
 * heading, so each state is recognisable at a glance. Apart from StepFrame because no status is
 * drawn on the first screen.
 */
export function StatusFrame({ heading, status, children }: { heading: string; status: StepStatus; children: ReactNode }) {
  return (
    <StepFrame
      heading={heading}
      tone={status.tone}
      badge={
        <span className={`flex size-14 items-center justify-center rounded-full border ${badge[status.tone]}`}>
          <status.Icon className="size-7" />
        </span>
      }
    >
      {children}
    </StepFrame>
  );
}
