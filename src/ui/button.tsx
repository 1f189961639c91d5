import type { ButtonHTMLAttributes } from 'react';

type Variant = 'primary' | 'secondary' | 'link';

const styles: Record<Variant, string> = {
  primary:
    'inline-flex min-h-11 items-center justify-center rounded-box bg-accent px-5 py-2.5 font-semibold text-accent-contrast hover:brightness-110 disabled:cursor-not-allowed disabled:opacity-60',
  secondary:
    'inline-flex min-h-11 items-center justify-center rounded-box border border-line bg-surface px-5 py-2.5 font-semibold text-ink hover:bg-page disabled:cursor-not-allowed disabled:opacity-60',
  link: 'inline font-semibold text-accent underline underline-offset-2 hover:no-underline disabled:cursor-not-allowed disabled:opacity-60',
};

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant;
  /** While true the button is disabled and says so to assistive technology. */
  pending?: boolean;
}

export function Button({ variant = 'primary', pending = false, disabled, className = '', type = 'button', ...props }: ButtonProps) {
  return (
    <button
      type={type}
      disabled={disabled || pending}
      aria-busy={pending || undefined}
      className={`${styles[variant]} ${className}`}
      {...props}
    />
  );
}
