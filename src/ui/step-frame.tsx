import { useId, type ReactNode } from 'react';
import type { Tone } from './alert';
import { StepHeading } from './step-heading';

/**
 * A screen of the console: a region named by its heading, which takes focus when the screen
 * appears. A status screen (status-frame.tsx) puts its badge above the heading.
 */
export function StepFrame({ heading, tone, badge, children }: { heading: string; tone?: Tone; badge?: ReactNode; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={`${id}-heading`} data-status={tone} className="flex flex-col gap-5">
      {badge}
      <StepHeading id={`${id}-heading`}>{heading}</StepHeading>
      {children}
    </section>
  );
}
