import type { ComponentType, ReactNode } from 'react';
import { CheckCircleIcon } from './icons/check-circle';
import { DangerIcon } from './icons/danger';
import { InfoIcon } from './icons/info';
import { WarningIcon } from './icons/warning';
import type { IconProps } from './icons/svg';

export type Tone = 'success' | 'info' | 'warning' | 'danger';

const tones: Record<Tone, { box: string; Icon: ComponentType<IconProps> }> = {
  success: { box: 'border-success-border bg-success-bg text-success-fg', Icon: CheckCircleIcon },
  info: { box: 'border-info-border bg-info-bg text-info-fg', Icon: InfoIcon },
  warning: { box: 'border-warning-border bg-warning-bg text-warning-fg', Icon: WarningIcon },
  danger: { box: 'border-danger-border bg-danger-bg text-danger-fg', Icon: DangerIcon },
};

/**
 * A tinted callout with its icon on the left. Danger is `role="alert"` (read out at once); the
 * others are a polite status. Rendered only when there is something to say, so the live region
 * announces it.
 */
export function Alert({
  tone,
  children,
  action,
  id,
  title,
  icon,
}: {
  tone: Tone;
  children: ReactNode;
  action?: ReactNode;
  id?: string;
  /** A bold first line that names the state (an outage, say). */
  title?: string;
  /** Another icon than the tone's own. */
  icon?: ComponentType<IconProps>;
}) {
  const { box, Icon: toneIcon } = tones[tone];
  const Icon = icon ?? toneIcon;
  return (
    <div id={id} role={tone === 'danger' ? 'alert' : 'status'} data-tone={tone} className={`flex gap-3 rounded-control border px-4 py-3 ${box}`}>
      <Icon className="mt-0.5 size-5" />
      <div className="flex flex-col gap-2">
        {title ? <p className="font-semibold">{title}</p> : null}
        <p>{children}</p>
        {action ? <div>{action}</div> : null}
      </div>
    </div>
  );
}
