import { PAIRING_ALPHABET } from '../contract/linking';
import { qrPayload, qrPngBase64 } from './qr-image';
import type { SimInstance } from './model';
import { scenarioOf, simulatedTimings } from './scenarios';

/**
 * Linking as a device in the simulated provider, shared by its Z-API and Wawp faces. Time is read
 * from the injected clock only: a code "is typed" 8 s after it was issued, a QR "is scanned" once
 * the second one is shown, and `settleLinking` turns that into `connected` whenever a call arrives.
 */

export type QrBehaviour = 'scanned' | 'never-scanned';

export interface LinkingState {
  /** The last pairing code issued, and when the phone's owner types it (null: never). */
  pairing: { code: string; issuedAt: number; typedAt: number | null; phone: string } | null;
  /** QR images issued since the last connection. */
  qrIssued: number;
  /** When the phone scans the QR on screen (null: not yet, or never). */
  qrScannedAt: number | null;
  /** Numbers that already had Wawp's "session not waiting for a code" refusal. */
  notReadyServed: Set<string>;
  /** The number a pairing code linked, for the device data. */
  linkedPhone: string | null;
}

export function newLinkingState(): LinkingState {
  return { pairing: null, qrIssued: 0, qrScannedAt: null, notReadyServed: new Set(), linkedPhone: null };
}

/** How long after the second QR is shown the phone scans it. */
const QR_SCANNED_AFTER_MS = 2_000;

/** Applies what the phone did by `now`: a typed code that has not expired, or a scanned QR, connects. */
export function settleLinking(instance: SimInstance, now: number): void {
  if (instance.connected) return;
  const { pairing, qrScannedAt } = instance.linking;
  const lifetimeMs = simulatedTimings.pairingCodeLifetimeSeconds * 1000;
  const typedBy = pairing?.typedAt ?? null;
  const typed = pairing !== null && typedBy !== null && now >= typedBy && typedBy < pairing.issuedAt + lifetimeMs;
  const scanned = qrScannedAt !== null && now >= qrScannedAt;
  if (!typed && !scanned) return;
  instance.connected = true;
  const linkedPhone = typed ? pairing.phone : null;
  instance.linking = { ...newLinkingState(), notReadyServed: instance.linking.notReadyServed, linkedPhone };
}

/** Splits "5511900000020" into the country code and national number the magic numbers are keyed by. */
function scenarioOfDigits(digits: string) {
  return digits.startsWith('55') ? scenarioOf('55', digits.slice(2)) : scenarioOf(undefined, undefined);
}

export function randomPairingCode(random: () => number): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += PAIRING_ALPHABET[Math.floor(random() * PAIRING_ALPHABET.length)] ?? 'A';
  return code;
}

/** A new pairing code for `digits` (country code + number); the previous one stops counting. */
export function issuePairingCode(instance: SimInstance, digits: string, now: number, random: () => number): string {
  const code = randomPairingCode(random);
  const neverTyped = scenarioOfDigits(digits) === 'pairingNeverTyped';
  instance.linking.pairing = { code, issuedAt: now, typedAt: neverTyped ? null : now + simulatedTimings.pairingTypedAfterMs, phone: digits };
  return code;
}

/** Wawp only: the first request for this number finds the session not waiting for a code. */
export function refusesFirstCode(instance: SimInstance, digits: string): boolean {
  if (scenarioOfDigits(digits) !== 'wawpNotWaitingFirst' || instance.linking.notReadyServed.has(digits)) return false;
  instance.linking.notReadyServed.add(digits);
  return true;
}

/** A new QR image: a real QR code (base64 PNG) of a new payload, so each one differs as WhatsApp's do. */
export function issueQr(instance: SimInstance, behaviour: QrBehaviour, now: number, random: () => number): string {
  instance.linking.qrIssued += 1;
  if (behaviour === 'scanned' && instance.linking.qrIssued === 2) instance.linking.qrScannedAt = now + QR_SCANNED_AFTER_MS;
  return qrPngBase64(qrPayload(random));
}
