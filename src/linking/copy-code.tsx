import { useState } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { useFleeting } from '../ui/use-fleeting';

type Copied = 'idle' | 'copied' | 'failed';

/** The code large and monospace, selectable as one piece, with a copy button that says how it went. */
export function CopyCode({ code }: { code: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState<{ code: string; result: Copied }>({ code, result: 'idle' });
  // A new code clears the message of the old one.
  const fresh = useFleeting(copied.code === code ? copied : null);
  const result = fresh?.result ?? 'idle';

  const copy = async () => {
    // navigator.clipboard is missing outside secure contexts and may be refused: both say so.
    try {
      await navigator.clipboard.writeText(code);
      setCopied({ code, result: 'copied' });
    } catch {
      setCopied({ code, result: 'failed' });
    }
  };

  return (
    <div className="flex flex-col gap-2">
      <p className="font-semibold text-ink">{t('link.code.label')}</p>
      <p className="select-all whitespace-nowrap text-4xl font-bold tracking-[0.2em] text-ink tabular-nums">{code}</p>
      <div>
        <Button variant="secondary" onClick={() => void copy()}>
          {t('link.code.copy')}
        </Button>
      </div>
      {result === 'copied' ? <Alert tone="success">{t('link.code.copied')}</Alert> : null}
      {result === 'failed' ? <Alert tone="info">{t('link.code.copyFailed')}</Alert> : null}
    </div>
  );
}
