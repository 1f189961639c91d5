import { z } from 'zod';
import type { DeliveryMethod } from '../../contract/common';
import { captchaPngBase64 } from '../captcha-image';
import { empty, json, type Registration, type SimContext, type SimResponse, type SimRoute } from '../model';
import { scenarioOf, simulatedSecrets, simulatedTimings, type Scenario } from '../scenarios';

const numberSchema = z.object({ ddi: z.string().regex(/^\d{1,3}$/), phone: z.string().regex(/^\d{8,15}$/) });
const codeRequestSchema = numberSchema.extend({ method: z.enum(['sms', 'voice', 'wa_old']) });
const codeSchema = z.object({ code: z.string() });
const captchaSchema = z.object({ captcha: z.string() });
const appealSchema = z.object({ appealToken: z.string(), description: z.string() });

const BANNED: ReadonlySet<Scenario> = new Set(['bannedInReview', 'bannedUnbanned']);
const PIN_FIRST: ReadonlySet<Scenario> = new Set(['pin', 'pinThenTransfer', 'quirks']);
const CAPTCHA_FIRST: ReadonlySet<Scenario> = new Set(['captcha', 'quirks']);

function isBanned(context: SimContext, registration: Pick<Registration, 'phone' | 'scenario'>): boolean {
  return BANNED.has(registration.scenario) && !context.instance.unbanned.has(registration.phone);
}

/** When each method may next be asked for; the cooldown number starts with waits of its own. */
function nextRequestAt(context: SimContext, phone: string, scenario: Scenario): Record<DeliveryMethod, number> {
  const known = context.instance.nextRequestAt.get(phone);
  if (known) return known;
  const now = context.clock.now();
  const initial =
    scenario === 'cooldowns'
      ? {
          sms: now + simulatedTimings.cooldownSmsSeconds * 1000,
          voice: now + simulatedTimings.cooldownVoiceSeconds * 1000,
          wa_old: now,
        }
      : { sms: scenario === 'smsUnavailable' ? -1 : now, voice: now, wa_old: now };
  context.instance.nextRequestAt.set(phone, initial);
  return initial;
}

function waitFields(context: SimContext, registration: Registration) {
  const next = nextRequestAt(context, registration.phone, registration.scenario);
  const seconds = (at: number) => (at < 0 ? -1 : Math.max(0, Math.ceil((at - context.clock.now()) / 1000)));
  return {
    smsWaitSeconds: seconds(next.sms),
    voiceWaitSeconds: seconds(next.voice),
    waOldWaitSeconds: seconds(next.wa_old),
  };
}

const waOldEligible = (registration: Registration) => registration.scenario !== 'cooldowns';

function appealToken(context: SimContext): string {
  return `Ae0B_sim${Math.floor(context.random() * 1e12).toString(36)}${Math.floor(context.random() * 1e12).toString(36)}`;
}

function captchaBody(registration: Registration): SimResponse {
  registration.captcha.pending = true;
  registration.captcha.attempts += 1;
  const image = captchaPngBase64(simulatedSecrets.captchaAnswer, registration.captcha.attempts);
  // The quirks number sends the data-URI variant; the others plain base64.
  const captcha = registration.scenario === 'quirks' ? `data:image/png;base64,${image}` : image;
  return json({ success: false, captcha });
}

/** The code is "sent": every method waits again, and the code may be confirmed. */
function issueCode(context: SimContext, registration: Registration) {
  const now = context.clock.now();
  const next = nextRequestAt(context, registration.phone, registration.scenario);
  const after = now + simulatedTimings.codeResendSeconds * 1000;
  context.instance.nextRequestAt.set(registration.phone, {
    sms: next.sms < 0 ? -1 : after,
    voice: after,
    wa_old: after,
  });
  registration.codeIssued = true;
  registration.wrongCodes = 0;
  registration.stage = 'code';
}

function connect(context: SimContext, registration: Registration) {
  registration.stage = 'done';
  context.instance.connected = true;
  if (PIN_FIRST.has(registration.scenario)) context.instance.account.pin = simulatedSecrets.pin;
}

function checkAvailability(context: SimContext): SimResponse {
  const parsed = numberSchema.safeParse(context.request.body);
  if (!parsed.success) return empty(400);
  const { ddi, phone } = parsed.data;
  const registration: Registration = {
    ddi,
    phone,
    scenario: scenarioOf(ddi, phone),
    captcha: { attempts: 0, solved: false, pending: false },
    codeIssued: false,
    wrongCodes: 0,
    stage: 'code',
    transferAskedAt: null,
    pinQuirkServed: false,
    appealToken: null,
  };
  context.instance.registration = registration;
  if (isBanned(context, registration)) {
    registration.appealToken = appealToken(context);
    return json({ available: false, blocked: true, appealToken: registration.appealToken });
  }
  if (registration.scenario === 'unavailable') return json({ available: false, reason: 'temporarily_unavailable' });
  return json({ available: true, ...waitFields(context, registration), waOldEligible: waOldEligible(registration) });
}

function requestCode(context: SimContext): SimResponse {
  const parsed = codeRequestSchema.safeParse(context.request.body);
  if (!parsed.success) return empty(400);
  const registration = context.instance.registration;
  // The availability check of this same number must come first.
  if (!registration || registration.ddi !== parsed.data.ddi || registration.phone !== parsed.data.phone) {
    return json({ success: false });
  }
  if (registration.scenario === 'blockedAtRequest' || isBanned(context, registration)) {
    return json({ success: false, blocked: true });
  }
  if (CAPTCHA_FIRST.has(registration.scenario) && !registration.captcha.solved) return captchaBody(registration);

  const { method } = parsed.data;
  if (method === 'wa_old' && !waOldEligible(registration)) return json({ success: false, method: 'wa_old' });
  const waits = waitFields(context, registration);
  const wait = { sms: waits.smsWaitSeconds, voice: waits.voiceWaitSeconds, wa_old: waits.waOldWaitSeconds }[method];
  if (wait !== 0) return json({ success: false, retryAfter: Math.max(wait, 0), ...waits });

  issueCode(context, registration);
  const retryAfter =
    registration.scenario === 'quirks' ? simulatedTimings.quirksRetryAfter : simulatedTimings.codeResendSeconds;
  return json({ success: true, retryAfter, ...waitFields(context, registration), method });
}

function respondCaptcha(context: SimContext): SimResponse {
  const parsed = captchaSchema.safeParse(context.request.body);
  if (!parsed.success) return empty(400);
  const registration = context.instance.registration;
  if (!registration?.captcha.pending) return json({ success: false });
  if (parsed.data.captcha.trim() !== simulatedSecrets.captchaAnswer) return captchaBody(registration);
  registration.captcha = { ...registration.captcha, pending: false, solved: true };
  issueCode(context, registration);
  return json({ success: true });
}

function confirmCode(context: SimContext): SimResponse {
  const parsed = codeSchema.safeParse(context.request.body);
  if (!parsed.success) return empty(400);
  const registration = context.instance.registration;
  if (!registration?.codeIssued || registration.stage !== 'code') return json({ success: false });
  if (registration.wrongCodes >= simulatedTimings.wrongCodesBeforeLock) return json({ success: false });
  if (parsed.data.code.replace(/-/g, '') !== simulatedSecrets.registrationCode) {
    registration.wrongCodes += 1;
    return json({ success: false });
  }
  registration.codeIssued = false;
  if (PIN_FIRST.has(registration.scenario)) {
    registration.stage = 'pin';
    return json({ success: false, confirmSecurityCode: true });
  }
  if (registration.scenario === 'transfer') {
    registration.stage = 'transfer';
    registration.transferAskedAt = context.clock.now();
    return json({ success: false, deviceConfirm: true });
  }
  connect(context, registration);
  return json({ success: true });
}

function confirmPin(context: SimContext): SimResponse {
  const parsed = codeSchema.safeParse(context.request.body);
  if (!parsed.success) return empty(400);
  const registration = context.instance.registration;
  if (registration?.stage !== 'pin') return json({ success: false });
  if (registration.scenario === 'quirks' && !registration.pinQuirkServed) {
    registration.pinQuirkServed = true;
    return json({ error: 'NOT_FOUND', message: 'Unable to find matching target resource method' });
  }
  if (parsed.data.code !== simulatedSecrets.pin) return json({ success: false });
  if (registration.scenario === 'pinThenTransfer') {
    registration.stage = 'transfer';
    registration.transferAskedAt = context.clock.now();
    return json({ success: false, deviceConfirm: true });
  }
  connect(context, registration);
  return json({ success: true });
}

function recoverPin(context: SimContext): SimResponse {
  return json({ success: context.instance.registration?.stage === 'pin' });
}

function confirmTransfer(context: SimContext): SimResponse {
  const registration = context.instance.registration;
  if (registration?.stage !== 'transfer' || registration.transferAskedAt === null) return empty(400);
  if (context.clock.now() - registration.transferAskedAt < simulatedTimings.transferAcceptMs) return empty(400);
  connect(context, registration);
  return json({ success: true });
}

function requestUnbanning(context: SimContext): SimResponse {
  const parsed = appealSchema.safeParse(context.request.body);
  if (!parsed.success) return empty(400);
  const registration = context.instance.registration;
  if (!registration?.appealToken || registration.appealToken !== parsed.data.appealToken) return json({ success: false });
  registration.appealToken = null;
  if (registration.scenario === 'bannedUnbanned') {
    context.instance.unbanned.add(registration.phone);
    return json({ success: true, status: 'UNBANNED' });
  }
  return json({ success: true, status: 'IN_REVIEW' });
}

export const zapiRegistrationRoutes: SimRoute[] = [
  { method: 'POST', path: '/mobile/registration-available', handler: checkAvailability },
  { method: 'POST', path: '/mobile/request-registration-code', handler: requestCode },
  { method: 'POST', path: '/mobile/respond-captcha', handler: respondCaptcha },
  { method: 'POST', path: '/mobile/confirm-registration-code', handler: confirmCode },
  { method: 'POST', path: '/mobile/confirm-pin-code', handler: confirmPin },
  { method: 'POST', path: '/mobile/recovery-pin-code', handler: recoverPin },
  { method: 'GET_OR_POST', path: '/mobile/device-transfer-confirmed', handler: confirmTransfer },
  { method: 'POST', path: '/mobile/request-unbanning', handler: requestUnbanning },
];
