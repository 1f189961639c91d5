import { useRef, useState } from 'react';

/**
 * The state of a 6-digit field (code or PIN): what was typed, whether it was sent too short, and
 * `confirm`, which sends only a complete value and otherwise puts the caret back in the field.
 */
export function useSixDigits(send: (value: string) => void) {
  const input = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState('');
  const [incomplete, setIncomplete] = useState(false);
  const confirm = (typed: string) => {
    if (typed.length !== 6) {
      setIncomplete(true);
      input.current?.focus();
      return;
    }
    setIncomplete(false);
    send(typed);
  };
  const change = (typed: string) => {
    setValue(typed);
    setIncomplete(false);
  };
  return { input, value, setValue, incomplete, confirm, change };
}
