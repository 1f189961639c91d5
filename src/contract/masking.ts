/** `55:11987654321` → `+55 *********21`: the country and the last two digits, enough to tell journeys apart. */
export function maskNumber(numberKey: string): string {
  const [ddi = '', phone = ''] = numberKey.split(':');
  return `+${ddi} ${'*'.repeat(Math.max(0, phone.length - 2))}${phone.slice(-2)}`;
}
