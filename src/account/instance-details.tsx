import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import type { Device } from '../contract/account';
import type { InstanceStatus } from '../contract/instance';
import { formatPhone } from '../i18n/clock-and-phone';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages';
import { accountQueries } from './account-api';
import { QueryView } from './query-view';

function statusKey(status: InstanceStatus): MessageKey {
  if (status.connected) return 'account.status.connected';
  return status.needsRestore ? 'account.status.needsRestore' : 'account.status.disconnected';
}

/** The provider's word on the instance right now (`GET /status`), not what the journey remembers. */
export function InstanceStatusLine({ onStartOver }: { onStartOver: () => void }) {
  const { t } = useI18n();
  const query = useQuery(accountQueries.status);
  return (
    <QueryView query={query} onStartOver={onStartOver}>
      {(status) => (
        <p className="text-ink">
          {`${t('account.status.label')}: `}
          <strong>{t(statusKey(status))}</strong>
        </p>
      )}
    </QueryView>
  );
}

/** The provider reports the number with its country code; Brazilian numbers are written the usual way. */
export function formatDevicePhone(digits: string): string {
  if (digits.startsWith('55') && (digits.length === 12 || digits.length === 13)) {
    return formatPhone({ ddi: '55', phone: digits.slice(2) });
  }
  return `+${digits}`;
}

export function DeviceDetails({ onStartOver }: { onStartOver: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const query = useQuery(accountQueries.device);
  return (
    <section aria-labelledby={`${id}-device`} className="flex flex-col gap-2">
      <h3 id={`${id}-device`} className="text-lg font-semibold text-ink">
        {t('account.device.heading')}
      </h3>
      <QueryView query={query} onStartOver={onStartOver}>
        {(device) => <DeviceList device={device} />}
      </QueryView>
    </section>
  );
}

function DeviceList({ device }: { device: Device }) {
  const { t } = useI18n();
  const rows: Array<[MessageKey, string]> = [
    ['account.device.phone', device.phone ? formatDevicePhone(device.phone) : t('account.device.none')],
    ['account.device.name', device.name ?? t('account.device.none')],
    ['account.device.about', device.about ?? t('account.device.none')],
    ['account.device.platform', t(`account.device.platform.${device.platform}`)],
  ];
  if (device.business !== null) {
    rows.push(['account.device.kind', t(device.business ? 'account.device.kind.business' : 'account.device.kind.personal')]);
  }
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-muted">{t(label)}</dt>
          {/* A number never breaks across lines; names and texts may. */}
          <dd className={label === 'account.device.phone' ? 'whitespace-nowrap text-ink' : 'break-words text-ink'}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
