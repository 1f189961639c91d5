import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The heading of a step. It takes focus when the step appears, so keyboard and screen-reader users
 * land on the new step instead of on a button that no longer exists.
 */
export function StepHeading({ children, id }: { children: ReactNode; id?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <h2 ref={ref} id={id} tabIndex={-1} className="text-xl font-bold text-ink">
      {children}
    </h2>
  );
}
