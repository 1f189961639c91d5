import { lazy, Suspense, useState } from 'react';
import { useCapabilities } from '../api/capabilities';
import type { PhoneNumber } from '../contract/common';
import { formatPhone } from '../i18n/clock-and-phone';
import { useI18n } from '../i18n/i18n-context';
import { Button } from '../ui/button';
import { StatusFrame } from '../ui/status-frame';
import { CheckIcon } from '../ui/icons/check';
import { Nowrap } from '../ui/nowrap';
import { DeviceDetails, InstanceStatusLine } from './instance-details';
import { Loading } from './loading';

/** Account security is its own chunk: most visits never open it. */
const AccountSecurity = lazy(() => import('./account-security').then((module) => ({ default: module.AccountSecurity })));

export interface ConnectedScreenProps {
  /** The number the journey just connected; null when the console opened on an already connected instance. */
  phone: PhoneNumber | null;
  /** Used when a provider call fails in a way that only a new journey fixes (see QueryView). */
  onStartOver: () => void;
  /** True right after linking by QR, when the number is not known yet. */
  justLinked?: boolean;
}

/** The instance once a number is connected: its status, the device, and the way into account security. */
export function ConnectedScreen({ phone, onStartOver, justLinked = false }: ConnectedScreenProps) {
  const { t, rich } = useI18n();
  const [securityOpen, setSecurityOpen] = useState(false);
  const capabilities = useCapabilities();

  if (securityOpen) {
    return (
      <Suspense fallback={<Loading />}>
        <AccountSecurity onBack={() => setSecurityOpen(false)} onStartOver={onStartOver} />
      </Suspense>
    );
  }

  return (
    <StatusFrame heading={t('connected.heading')} status={{ tone: 'success', Icon: CheckIcon }}>
      <p role="status" className="text-lg text-ink">
        {phone
          ? rich('connected.body', { phone: <Nowrap>{formatPhone(phone)}</Nowrap> })
          : t(justLinked ? 'connected.linked' : 'account.connected.already')}
      </p>
      <InstanceStatusLine onStartOver={onStartOver} />
      <DeviceDetails onStartOver={onStartOver} />
      {capabilities?.accountSecurity === false ? <p className="text-muted">{t('capabilities.noAccountSecurity')}</p> : null}
      <div className="flex flex-wrap gap-3">
        {/* Shown once the provider is known to offer it (or asking failed), never offered and then withdrawn. */}
        {capabilities?.accountSecurity ? <Button onClick={() => setSecurityOpen(true)}>{t('account.open')}</Button> : null}
      </div>
    </StatusFrame>
  );
}
