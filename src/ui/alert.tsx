import type { ReactNode } from 'react';

type Tone = 'error' | 'info' | 'success';

const tones: Record<Tone, string> = {
  error: 'border-danger text-ink',
  info: 'border-line text-ink',
  success: 'border-accent text-ink',
};

/**
 * A message in the flow. Errors are `role="alert"` (read out at once); the others are a polite
 * status. Rendered only when there is something to say, so the live region announces it.
 */
export function Alert({ tone, children, action, id }: { tone: Tone; children: ReactNode; action?: ReactNode; id?: string }) {
  return (
    <div
      id={id}
      role={tone === 'error' ? 'alert' : 'status'}
      className={`flex flex-col gap-2 rounded-box border-l-4 bg-surface px-4 py-3 ${tones[tone]}`}
    >
      <p>{children}</p>
      {action ? <div>{action}</div> : null}
    </div>
  );
}
