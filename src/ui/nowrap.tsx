import type { ReactNode } from 'react';

/** A phone number, a code or a time that never breaks across lines ("98765- / 4321"). */
export function Nowrap({ children }: { children: ReactNode }) {
  return <span className="whitespace-nowrap">{children}</span>;
}
