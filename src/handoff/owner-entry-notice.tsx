import { useSyncExternalStore } from 'react';
import type { Step } from '../flow/state';
import { handoffTranslator } from '../i18n/handoff';
import { useI18n } from '../i18n/i18n-context';
import { Alert } from '../ui/alert';
import { onOwnerEntry, ownerEnteredStep } from './owner-entry';

/** After the owner's entry moved the journey on, the next screen says who typed it. */
export function OwnerEntryNotice({ step }: { step: Step }) {
  const { locale } = useI18n();
  const movedTo = useSyncExternalStore(onOwnerEntry, ownerEnteredStep);
  if (movedTo !== step) return null;
  return (
    <div className="mt-4">
      <Alert tone="success">{handoffTranslator(locale)('handoff.entered.owner')}</Alert>
    </div>
  );
}
