import type { ButtonHTMLAttributes, Ref } from 'react';
import { SpinnerIcon } from './icons/spinner';

type Variant = 'primary' | 'secondary' | 'danger' | 'link' | 'dangerLink';

const control =
  'inline-flex min-h-11 items-center justify-center gap-2 rounded-control px-5 py-2.5 font-semibold transition-colors duration-state ease-out disabled:cursor-not-allowed disabled:opacity-60 aria-busy:cursor-progress aria-busy:opacity-80';

const link = 'inline-flex items-center gap-1 font-semibold underline underline-offset-2 enabled:hover:no-underline disabled:cursor-not-allowed disabled:opacity-60';

const styles: Record<Variant, string> = {
  primary: `${control} bg-accent text-accent-contrast enabled:hover:brightness-110`,
  secondary: `${control} border border-line-strong bg-surface text-ink enabled:hover:bg-sunken`,
  danger: `${control} bg-danger text-danger-contrast enabled:hover:brightness-110`,
  link: `${link} text-accent-fg`,
  dangerLink: `${link} text-danger-fg`,
};

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant;
  /**
   * While true the button shows a spinner, ignores presses and says it is busy. It stays focusable
   * (`aria-disabled`, not `disabled`), so focus stays where the operator pressed instead of
   * dropping to the page.
   */
  pending?: boolean;
  ref?: Ref<HTMLButtonElement>;
}

export function Button({ variant = 'primary', pending = false, disabled, className = '', type = 'button', children, onClick, ...props }: ButtonProps) {
  return (
    <button
      type={type}
      disabled={disabled}
      aria-disabled={pending || undefined}
      aria-busy={pending || undefined}
      data-variant={variant}
      className={`${styles[variant]} ${className}`}
      onClick={(event) => {
        if (pending) {
          event.preventDefault();
          return;
        }
        onClick?.(event);
      }}
      {...props}
    >
      {pending ? <SpinnerIcon className="size-4" /> : null}
      {children}
    </button>
  );
}
