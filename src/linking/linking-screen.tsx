import { useCallback, type ReactNode } from 'react';
import type { PhoneNumber } from '../contract/common';
import type { IssuedCode, LinkView, ModeEvent } from '../flow/mode';
import { useI18n } from '../i18n/i18n-context';
import type { PhoneStep } from '../steps/phone/phone-step';
import { Button } from '../ui/button';
import { StepFrame } from '../ui/step-frame';
import { PairingCodeView } from './pairing-code-view';
import { QrView } from './qr-view';
import { ChoiceButton } from './choice-button';
import { ArrowLeftIcon } from '../ui/icons/arrow-left';
import { KeyIcon } from '../ui/icons/key';
import { QrIcon } from '../ui/icons/qr';

export interface LinkingScreenProps {
  /** Where linking is (src/flow/mode.ts), and how to move it on. */
  view: LinkView;
  dispatch: (event: ModeEvent) => void;
  /**
   * The phone step and the connected screen come from the caller (lazy-linking.tsx), which loads
   * the phone step beside this chunk: the journey's chunk shares it.
   */
  PhoneEntry: typeof PhoneStep;
  connected: (phone: PhoneNumber | null) => ReactNode;
}

/** Linking this instance as a device of the phone that keeps WhatsApp: by code or by QR. */
export function LinkingScreen({ view, dispatch, PhoneEntry, connected }: LinkingScreenProps) {
  const linked = useCallback((phone: PhoneNumber | null) => dispatch({ type: 'LINKED', phone }), [dispatch]);
  const issued = useCallback((code: IssuedCode) => dispatch({ type: 'LINK_CODE_ISSUED', issued: code }), [dispatch]);
  const startOver = () => dispatch({ type: 'BACK_TO_CHOICE' });

  switch (view.view) {
    case 'method':
      return <MethodChoice onCode={() => dispatch({ type: 'LINK_BY_CODE' })} onQr={() => dispatch({ type: 'LINK_BY_QR' })} onBack={startOver} />;
    case 'phone':
      return (
        <PhoneEntry
          state={{ step: 'phoneEntry', phone: view.phone, error: null }}
          actions={{ submitPhone: (phone) => dispatch({ type: 'LINK_PHONE_SUBMITTED', phone }), startOver }}
          copy={{ heading: 'link.phone.heading', intro: 'link.phone.intro', submit: 'link.phone.submit' }}
          onBack={() => dispatch({ type: 'LINK_METHODS' })}
        />
      );
    case 'code':
      return (
        <PairingCodeView
          phone={view.phone}
          issued={view.issued}
          onIssued={issued}
          onConnected={linked}
          onChangeNumber={() => dispatch({ type: 'LINK_OTHER_NUMBER' })}
          onStartOver={startOver}
        />
      );
    case 'qr':
      return <QrView onConnected={() => linked(null)} onBack={() => dispatch({ type: 'LINK_METHODS' })} onStartOver={startOver} />;
    case 'connected':
      return connected(view.phone);
  }
}

function MethodChoice({ onCode, onQr, onBack }: { onCode: () => void; onQr: () => void; onBack: () => void }) {
  const { t } = useI18n();
  return (
    <StepFrame heading={t('link.heading')}>
      <p className="text-muted">{t('link.intro')}</p>
      <ChoiceButton Icon={KeyIcon} title="link.byCode" detail="link.byCode.detail" onClick={onCode} />
      <ChoiceButton Icon={QrIcon} title="link.byQr" detail="link.byQr.detail" onClick={onQr} />
      <div>
        <Button variant="secondary" onClick={onBack}>
          <ArrowLeftIcon className="size-4" />
          {t('link.back')}
        </Button>
      </div>
    </StepFrame>
  );
}
