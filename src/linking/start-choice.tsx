import { startTransition, useState, type ReactNode } from 'react';
import { useCapabilities } from '../api/capabilities';
import { isFreshStart } from '../flow/state';
import type { FlowStore } from '../flow/store';
import { useI18n } from '../i18n/i18n-context';
import { BackToChoiceContext } from '../ui/back-context';
import { StepFrame } from '../ui/step-frame';
import { Pending } from '../ui/pending';
import { LinkIcon } from '../ui/icons/link';
import { PhoneIcon } from '../ui/icons/phone';
import { ChoiceButton } from './choice-button';
import { LazyLinking } from './lazy-linking';

export type StartMode = 'choose' | 'register' | 'link';

/**
 * The first screen: register the number on this instance (the journey, `children`) or link this
 * instance to the phone that keeps WhatsApp. A journey already under way skips the choice; a
 * provider that cannot register (Wawp) is offered linking only.
 */
export function StartChoice({ store, initialMode = 'choose', children }: { store: FlowStore; initialMode?: StartMode; children: ReactNode }) {
  const [mode, setMode] = useState<StartMode>(() => (isFreshStart(store.getState()) ? initialMode : 'register'));
  if (mode === 'register') {
    return <BackToChoiceContext value={() => setMode('choose')}>{children}</BackToChoiceContext>;
  }
  if (mode === 'link') return <LazyLinking onStartOver={() => setMode('choose')} />;
  // A transition: should the chosen screen's chunk still be on its way, the choice stays until it is in.
  return <ModeChoice onChoose={(next) => startTransition(() => setMode(next))} />;
}

function ModeChoice({ onChoose }: { onChoose: (mode: StartMode) => void }) {
  const { t } = useI18n();
  const capabilities = useCapabilities();
  // No options until the answer is in, so a way the provider lacks is never shown and then taken away.
  if (!capabilities) return <Pending text={t('capabilities.checking')} />;
  return (
    <StepFrame heading={t('start.heading')}>
      {capabilities.registration ? (
        <ChoiceButton Icon={PhoneIcon} title="start.register" detail="start.register.detail" onClick={() => onChoose('register')} />
      ) : (
        <p className="text-ink">{t('capabilities.linkOnly')}</p>
      )}
      <ChoiceButton Icon={LinkIcon} title="start.link" detail="start.link.detail" onClick={() => onChoose('link')} />
    </StepFrame>
  );
}
