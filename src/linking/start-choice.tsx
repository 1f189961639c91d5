import { startTransition, useCallback, useState, type ReactNode } from 'react';
import { useCapabilities } from '../api/capabilities';
import { modeTransition, type ModeEvent, type ModeState } from '../flow/mode';
import type { Store } from '../flow/store';
import { useI18n } from '../i18n/i18n-context';
import { BackToChoiceContext } from '../ui/back-context';
import { StepFrame } from '../ui/step-frame';
import { Pending } from '../ui/pending';
import { LinkIcon } from '../ui/icons/link';
import { PhoneIcon } from '../ui/icons/phone';
import { ChoiceButton } from './choice-button';
import { LazyLinking } from './lazy-linking';

export type StartMode = 'choose' | 'register' | 'link';

/** The mode a start in `mode` begins in (the boot restores a saved one instead; tests pick one). */
export function startingMode(mode: StartMode): ModeState {
  if (mode === 'link') return { mode: 'link', link: { view: 'method' } };
  return mode === 'register' ? { mode: 'register' } : { mode: 'choose' };
}

/**
 * The first screen: register the number on this instance (the journey, `children`) or link this
 * instance to the phone that keeps WhatsApp. Where the operator is lives in `modes` (the tab's
 * storage keeps it, so a reload returns there; see src/flow/mode.ts). A provider that cannot register
 * (Wawp) is offered linking only.
 */
export function StartChoice({ modes, children }: { modes: Store<ModeState>; children: ReactNode }) {
  const [mode, setMode] = useState(modes.getState);
  const dispatch = useCallback(
    (event: ModeEvent) => {
      const next = modeTransition(modes.getState(), event);
      modes.replace(next);
      // A transition: should the next screen's chunk still be on its way, this one stays until it is in.
      startTransition(() => setMode(next));
    },
    [modes],
  );
  const backToChoice = useCallback(() => dispatch({ type: 'BACK_TO_CHOICE' }), [dispatch]);
  if (mode.mode === 'register') return <BackToChoiceContext value={backToChoice}>{children}</BackToChoiceContext>;
  if (mode.mode === 'link') return <LazyLinking view={mode.link} dispatch={dispatch} />;
  return <ModeChoice onChoose={(next) => dispatch(next === 'register' ? { type: 'REGISTER_CHOSEN' } : { type: 'LINK_CHOSEN' })} />;
}

function ModeChoice({ onChoose }: { onChoose: (mode: 'register' | 'link') => void }) {
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
