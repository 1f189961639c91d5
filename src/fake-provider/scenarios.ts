/**
 * The magic numbers of the simulated provider (docs: README "Magic numbers"). All are Brazilian
 * mobiles: DDI 55 and the national number below; any other valid number takes the happy path.
 */
export const magicNumbers = {
  captcha: '11900000001',
  bannedInReview: '11900000002',
  bannedUnbanned: '11900000003',
  blockedAtRequest: '11900000004',
  pin: '11900000005',
  transfer: '11900000006',
  cooldowns: '11900000007',
  smsUnavailable: '11900000008',
  unavailable: '11900000009',
  outage: '11900000010',
  slow: '11900000011',
  pinThenTransfer: '11900000012',
  quirks: '11900000013',
  pairingNeverTyped: '11900000020',
  wawpNotWaitingFirst: '11900000021',
} as const;

export type Scenario = keyof typeof magicNumbers | 'happy';

const byNumber = new Map<string, Scenario>(
  Object.entries(magicNumbers).map(([scenario, phone]) => [phone, scenario as Scenario]),
);

export function scenarioOf(ddi: string | undefined, phone: string | undefined): Scenario {
  if (ddi !== '55' || !phone) return 'happy';
  return byNumber.get(phone) ?? 'happy';
}

/** The secrets the simulated provider accepts. */
export const simulatedSecrets = {
  registrationCode: '123456',
  pin: '246810',
  captchaAnswer: '428517',
  emailVerificationCode: '135790',
} as const;

export const simulatedTimings = {
  /** Wait of every method after a code is sent (happy path). */
  codeResendSeconds: 60,
  /** `retryAfter` of the quirks number, sent as a string. */
  quirksRetryAfter: '120',
  cooldownSmsSeconds: 90,
  cooldownVoiceSeconds: 30,
  transferAcceptMs: 10_000,
  slowAnswerMs: 4_000,
  wrongCodesBeforeLock: 5,
  pairingTypedAfterMs: 8_000,
  pairingCodeLifetimeSeconds: 160,
  qrLifetimeSeconds: 20,
} as const;
