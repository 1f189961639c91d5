import { useCallback, useState, type ReactNode } from 'react';
import type { PhoneNumber } from '../contract/common';
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

type View =
  | { view: 'method' }
  | { view: 'phone'; phone: PhoneNumber | null }
  | { view: 'code'; phone: PhoneNumber }
  | { view: 'qr' }
  | { view: 'connected'; phone: PhoneNumber | null };

export interface LinkingScreenProps {
  onStartOver: () => void;
  /**
   * The phone step and the connected screen come from the caller (lazy-linking.tsx), which loads
   * the phone step beside this chunk: the journey's chunk shares it.
   */
  PhoneEntry: typeof PhoneStep;
  connected: (phone: PhoneNumber | null) => ReactNode;
}

/** Linking this instance as a device of the phone that keeps WhatsApp: by code or by QR. */
export function LinkingScreen({ onStartOver, PhoneEntry, connected }: LinkingScreenProps) {
  const [view, setView] = useState<View>({ view: 'method' });
  const connectedWith = useCallback((phone: PhoneNumber | null) => setView({ view: 'connected', phone }), []);

  switch (view.view) {
    case 'method':
      return <MethodChoice onCode={() => setView({ view: 'phone', phone: null })} onQr={() => setView({ view: 'qr' })} onBack={onStartOver} />;
    case 'phone':
      return (
        <PhoneEntry
          state={{ step: 'phoneEntry', phone: view.phone, error: null }}
          actions={{ submitPhone: (phone) => setView({ view: 'code', phone }), startOver: onStartOver }}
          copy={{ heading: 'link.phone.heading', intro: 'link.phone.intro', submit: 'link.phone.submit' }}
          onBack={() => setView({ view: 'method' })}
        />
      );
    case 'code':
      return (
        <PairingCodeView
          phone={view.phone}
          onConnected={connectedWith}
          onChangeNumber={() => setView({ view: 'phone', phone: view.phone })}
          onStartOver={onStartOver}
        />
      );
    case 'qr':
      return <QrView onConnected={() => connectedWith(null)} onBack={() => setView({ view: 'method' })} onStartOver={onStartOver} />;
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
