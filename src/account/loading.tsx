import { useI18n } from '../i18n/i18n-context';

/** A polite "loading" line while a chunk or a read arrives. */
export function Loading({ text }: { text?: string }) {
  const { t } = useI18n();
  return (
    <p role="status" className="text-muted">
      {text ?? t('account.loading')}
    </p>
  );
}
