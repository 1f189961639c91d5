import { useI18n } from '../i18n/i18n-context';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';

export function CrashNotice() {
  const { t } = useI18n();
  return (
    <Alert
      tone="danger"
      action={
        <Button variant="secondary" onClick={() => window.location.reload()}>
          {t('app.reload')}
        </Button>
      }
    >
      {`${t('app.crashed')} ${t('app.crashedHint')}`}
    </Alert>
  );
}
