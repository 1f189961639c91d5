import type { InstanceCapabilities } from '../contract/instance';
import { registrationOperationNames, type OperationName } from '../contract/operations';
import type { ProviderAdapter } from '../providers/types';

/**
 * The operations each way of using the instance needs, end to end: the console's screens call all
 * of them, so one missing mapping would leave the operator at a dead end part way through.
 */
const needs = {
  registration: registrationOperationNames,
  linking: ['requestPairingCode', 'getQrCode', 'getStatus'],
  accountSecurity: ['getAccountEmail', 'setAccountEmail', 'verifyAccountEmail', 'removeAccountEmail', 'getPinStatus', 'setPin', 'removePin'],
} as const satisfies Record<keyof InstanceCapabilities, readonly OperationName[]>;

/** What an adapter supports, read from the operations it maps, so a new adapter is right by construction. */
export function capabilitiesOf(adapter: ProviderAdapter): InstanceCapabilities {
  const maps = (names: readonly OperationName[]) => names.every((name) => adapter.operations[name] !== undefined);
  return {
    registration: maps(needs.registration),
    linking: maps(needs.linking),
    accountSecurity: maps(needs.accountSecurity),
  };
}
