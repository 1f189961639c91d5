import type { Ref } from 'react';
import { TextField } from './text-field';

export interface OtpInputProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  value: string;
  length?: number;
  disabled?: boolean;
  autoComplete?: 'one-time-code' | 'off';
  /** A secret (a PIN): drawn as dots, like every other PIN field of the console. */
  masked?: boolean;
  onChange: (value: string) => void;
  /** Called once the last digit is in, typed or pasted. */
  onComplete: (value: string) => void;
  ref?: Ref<HTMLInputElement>;
}

/**
 * One real input for a numeric code: one tab stop, one label, SMS autofill through
 * `autocomplete="one-time-code"`, and any paste ("123-456", " 123456 ") reduced to its digits.
 */
export function OtpInput({ length = 6, autoComplete = 'one-time-code', masked = false, onChange, onComplete, value, ...props }: OtpInputProps) {
  return (
    <TextField
      {...props}
      value={value}
      type={masked ? 'password' : 'text'}
      inputMode="numeric"
      autoComplete={autoComplete}
      pattern={`\\d{${length}}`}
      spellCheck={false}
      className="max-w-60 text-center indent-[0.5em] text-3xl font-semibold tracking-[0.5em] tabular-nums"
      onChange={(event) => {
        const digits = event.target.value.replace(/\D/g, '').slice(0, length);
        onChange(digits);
        if (digits.length === length && digits !== value) onComplete(digits);
      }}
    />
  );
}
