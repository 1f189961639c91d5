import { z } from 'zod';
import { empty, json, type SimContext, type SimHandler, type SimResponse, type SimRoute } from '../model';
import { simulatedSecrets } from '../scenarios';

/*
 * Account security (`/security/*`) and the device data of the simulated account. The account starts
 * with no e-mail and no PIN (connecting a PIN number sets its PIN). While the instance is not
 * connected, every route here answers HTTP 200 `{ success: false, message: "NOT_CONNECTED" }`: the
 * shape Z-API documents for a refused security call, with the reason this model can have.
 */

/** Stricter than the console's own check on purpose: `ana@example` reaches the provider and is refused. */
const WELL_FORMED_EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;

const emailBody = z.object({ email: z.string() });
const verificationBody = z.object({ verificationCode: z.string() });
const codeBody = z.object({ code: z.string() });

/** Runs `handler` only on a connected instance. */
function whenConnected(handler: SimHandler): SimHandler {
  return (context) => (context.instance.connected ? handler(context) : json({ success: false, message: 'NOT_CONNECTED' }));
}

function readEmail({ instance }: SimContext): SimResponse {
  const { email, emailVerified } = instance.account;
  return json(email === null ? { success: true, hasEmail: false } : { success: true, hasEmail: true, email, verified: emailVerified });
}

function setEmail({ instance, request }: SimContext): SimResponse {
  const parsed = emailBody.safeParse(request.body);
  if (!parsed.success) return empty(400);
  const email = parsed.data.email.trim();
  if (!WELL_FORMED_EMAIL.test(email)) return json({ success: false, message: 'INVALID_EMAIL' });
  // One e-mail per account: a new one replaces the old and waits for its own verification.
  instance.account.email = email;
  instance.account.emailVerified = false;
  return json({ success: true, message: 'VERIFY_EMAIL' });
}

function verifyEmail({ instance, request }: SimContext): SimResponse {
  const parsed = verificationBody.safeParse(request.body);
  if (!parsed.success) return empty(400);
  const { account } = instance;
  if (account.email === null || account.emailVerified) return json({ success: false });
  if (parsed.data.verificationCode.trim() !== simulatedSecrets.emailVerificationCode) return json({ success: false });
  account.emailVerified = true;
  return json({ success: true });
}

function removeEmail({ instance }: SimContext): SimResponse {
  instance.account.email = null;
  instance.account.emailVerified = false;
  return json({ success: true, message: 'REMOVED' });
}

function readPin({ instance }: SimContext): SimResponse {
  return json({ success: true, hasCode: instance.account.pin !== null });
}

function setPin({ instance, request }: SimContext): SimResponse {
  const parsed = codeBody.safeParse(request.body);
  if (!parsed.success) return empty(400);
  if (!/^\d{6}$/.test(parsed.data.code)) return json({ success: false });
  instance.account.pin = parsed.data.code;
  return json({ success: true });
}

function removePin({ instance }: SimContext): SimResponse {
  instance.account.pin = null;
  return json({ success: true });
}

function device({ instance }: SimContext): SimResponse {
  const registration = instance.registration;
  return json({
    phone: instance.linking.linkedPhone ?? (registration ? `${registration.ddi}${registration.phone}` : '5511987654321'),
    imgUrl: 'https://simulated-provider.invalid/profile.jpg',
    about: 'Available',
    name: 'Simulated account',
    device: { sessionName: 'Z-API', device_model: 'Z-API' },
    originalDevice: 'android',
    sessionId: 175,
    isBusiness: false,
  });
}

export const zapiAccountRoutes: SimRoute[] = [
  { method: 'GET', path: '/device', handler: whenConnected(device) },
  { method: 'GET', path: '/security/email', handler: whenConnected(readEmail) },
  { method: 'POST', path: '/security/email', handler: whenConnected(setEmail) },
  { method: 'POST', path: '/security/verify-email', handler: whenConnected(verifyEmail) },
  { method: 'POST', path: '/security/email/remove', handler: whenConnected(removeEmail) },
  { method: 'GET', path: '/security/two-fa-code', handler: whenConnected(readPin) },
  { method: 'POST', path: '/security/two-fa-code', handler: whenConnected(setPin) },
  { method: 'POST', path: '/security/two-fa-code/remove', handler: whenConnected(removePin) },
];
