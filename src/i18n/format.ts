/** Replaces `{name}` placeholders; numbers are written the locale's way. */
export function interpolate(template: string, params: Record<string, string | number>, locale: string): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? new Intl.NumberFormat(locale).format(value) : value;
  });
}

/** Splits a template around `{name}` placeholders so that some can be elements (a link, a strong). */
export function splitTemplate(template: string): Array<{ text: string } | { param: string }> {
  return template
    .split(/(\{\w+\})/)
    .filter((part) => part !== '')
    .map((part) => {
      const match = /^\{(\w+)\}$/.exec(part);
      return match?.[1] ? { param: match[1] } : { text: part };
    });
}
