import type { ReactNode } from 'react';

/**
 * The console's icons: a handful of 24×24 line drawings (after Lucide, ISC licence) drawn in the
 * current text colour. Decorative by default; the text beside them says what they mean.
 */
export function Svg({ children, className = 'size-5' }: { children: ReactNode; className?: string }) {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      className={`shrink-0 ${className}`}
    >
      {children}
    </svg>
  );
}

export type IconProps = { className?: string };
