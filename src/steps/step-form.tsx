import type { ReactNode } from 'react';

/**
 * A step's form: the browser's own validation is off (each field says its problem in the step's
 * words) and submitting never reloads the page.
 */
export function StepForm({ onSubmit, children }: { onSubmit: () => void; children: ReactNode }) {
  return (
    <form
      noValidate
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      {children}
    </form>
  );
}
