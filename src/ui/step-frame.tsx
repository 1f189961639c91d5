import { useId, type ReactNode } from 'react';
import { StepHeading } from './step-heading';

/** A screen of the console: a region named by its heading, which takes focus when the screen appears. */
export function StepFrame({ heading, children }: { heading: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={`${id}-heading`} className="flex flex-col gap-5">
      <StepHeading id={`${id}-heading`}>{heading}</StepHeading>
      {children}
    </section>
  );
}
