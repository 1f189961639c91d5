import { useId } from 'react';
import { locales, type Locale } from '../i18n/locales';

/** Each language in its own words, so a reader finds theirs whatever the page speaks now. */
const localeNames: Record<Locale, string> = { 'pt-BR': 'Português (Brasil)', en: 'English', es: 'Español' };

/** The header's language switch: the console's and the owner's page. */
export function LanguageSelect({ label, locale, onChange }: { label: string; locale: Locale; onChange: (next: Locale) => void }) {
  const id = useId();
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={`${id}-lang`} className="text-sm text-muted">
        {label}
      </label>
      <select
        id={`${id}-lang`}
        value={locale}
        onChange={(event) => {
          const next = locales.find((candidate) => candidate === event.target.value);
          if (next) onChange(next);
        }}
        className="min-h-9 rounded-control border border-line-strong bg-surface px-2 py-1 text-sm"
      >
        {locales.map((option) => (
          <option key={option} value={option} lang={option}>
            {localeNames[option]}
          </option>
        ))}
      </select>
    </div>
  );
}
