import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { brandOptions } from '../api/brand';
import { noBrand } from '../contract/brand';
import { useI18n } from '../i18n/i18n-context';
import { Alert } from '../ui/alert';
import { LinkIcon } from '../ui/icons/link';
import { LanguageSelect } from '../ui/language-select';
import { useOnline } from './use-online';

export function Layout({ children, demo }: { children: ReactNode; demo: boolean }) {
  const { t, locale, setLocale } = useI18n();
  const online = useOnline();
  const brand = useQuery(brandOptions).data ?? noBrand;
  return (
    <div className="min-h-screen bg-page text-ink">
      <header className="border-b border-line bg-surface">
        <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <div className="flex items-center gap-3">
            {brand.logo ? (
              // The name beside it says what the logo says; a logo alone is named by the console's title.
              <img src={brand.logo} alt="" className="size-9 rounded-control object-contain" />
            ) : (
              <span aria-hidden="true" className="flex size-9 items-center justify-center rounded-control bg-accent text-accent-contrast">
                <LinkIcon className="size-5" />
              </span>
            )}
            <div>
              <h1 className="text-base font-bold">{brand.name ?? t('app.title')}</h1>
              <p className="text-sm text-muted">{t('app.tagline')}</p>
            </div>
          </div>
          <LanguageSelect label={t('app.language')} locale={locale} onChange={setLocale} />
        </div>
      </header>
      <main aria-label={t('app.main')} className="mx-auto flex max-w-xl flex-col gap-4 px-4 py-8">
        {demo ? <Alert tone="info">{t('app.demo')}</Alert> : null}
        {online ? null : <Alert tone="danger">{t('app.offline')}</Alert>}
        <div className="rounded-card border border-line bg-surface p-card-phone shadow-card sm:p-card">{children}</div>
      </main>
    </div>
  );
}
