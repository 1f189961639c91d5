import type { PhoneNumber } from '../contract/common';

// Apart from the message templates (format.ts): only the screens after the first choice write a
// countdown or a number, so these stay out of the first page load.

/** `m:ss`, or `h:mm:ss` from an hour on: countdowns drawn from whole seconds. */
export function formatClock(totalSeconds: number, locale: string): string {
  const seconds = Math.max(0, Math.ceil(totalSeconds));
  const two = new Intl.NumberFormat(locale, { minimumIntegerDigits: 2, useGrouping: false });
  const one = new Intl.NumberFormat(locale, { useGrouping: false });
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return h > 0 ? `${one.format(h)}:${two.format(m)}:${two.format(s)}` : `${one.format(m)}:${two.format(s)}`;
}

/** `+55 11 98765-4321` for Brazil; other countries in groups of three or four. */
export function formatPhone({ ddi, phone }: PhoneNumber): string {
  if (ddi === '55' && (phone.length === 10 || phone.length === 11)) {
    const area = phone.slice(0, 2);
    const local = phone.slice(2);
    const split = local.length - 4;
    return `+55 ${area} ${local.slice(0, split)}-${local.slice(split)}`;
  }
  const groups: string[] = [];
  let rest = phone;
  while (rest.length > 4) {
    groups.push(rest.slice(0, 3));
    rest = rest.slice(3);
  }
  groups.push(rest);
  return `+${ddi} ${groups.join(' ')}`;
}
