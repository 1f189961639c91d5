import type { ButtonHTMLAttributes } from 'react';
import { SpinnerIcon } from './icons/spinner';

type Variant = 'primary' | 'secondary' | 'danger' | 'link';

const control =
  'inline-flex min-h-11 items-center justify-center gap-2 rounded-control px-5 py-2.5 font-semibold transition-colors duration-state ease-out disabled:cursor-not-allowed disabled:opacity-60';

const styles: Record<Variant, string> = {
  primary: `${control} bg-accent text-accent-contrast enabled:hover:brightness-110`,
  secondary: `${control} border border-line-strong bg-surface text-ink enabled:hover:bg-sunken`,
  danger: `${control} bg-danger text-danger-contrast enabled:hover:brightness-110`,
  link: 'inline-flex items-center gap-1 font-semibold text-accent-fg underline underline-offset-2 enabled:hover:no-underline disabled:cursor-not-allowed disabled:opacity-60',
};

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant;
  /** While true the button is disabled, turns a spinner and says so to assistive technology. */
  pending?: boolean;
}

export function Button({ variant = 'primary', pending = false, disabled, className = '', type = 'button', children, ...props }: ButtonProps) {
  return (
    <button type={type} disabled={disabled || pending} aria-busy={pending || undefined} className={`${styles[variant]} ${className}`} {...props}>
      {pending ? <SpinnerIcon className="size-4" /> : null}
      {children}
    </button>
  );
}
