import { useI18n } from '../i18n/i18n-context';
import { Pending } from '../ui/pending';

/** A spinner and one line while a chunk or a read arrives. */
export function Loading({ text }: { text?: string }) {
  const { t } = useI18n();
  return <Pending text={text ?? t('account.loading')} />;
}
