import type { IconProps } from './svg';

/** A turning ring for one pending thing; still (a full ring) when motion is reduced. */
export const SpinnerIcon = ({ className = 'size-5' }: IconProps) => (
  <svg viewBox="0 0 24 24" fill="none" aria-hidden="true" focusable="false" className={`shrink-0 motion-safe:animate-spin ${className}`}>
    <circle cx="12" cy="12" r="9" stroke="currentColor" strokeOpacity="0.25" strokeWidth="3" />
    <path d="M21 12a9 9 0 0 0-9-9" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
  </svg>
);
