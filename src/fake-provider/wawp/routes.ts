import { z } from 'zod';
import { issuePairingCode, issueQr, refusesFirstCode } from '../linking';
import { json, type SimContext, type SimResponse, type SimRoute } from '../model';

/**
 * The simulated Wawp: its login routes and session info, relative to `https://api.wawp.net`, with
 * `instance_id` and `access_token` in the query (checked before these run).
 */

const phoneBody = z.object({ phone_number: z.string().regex(/^\d{8,18}$/) });

/** WAHA's wording for a session that is not waiting for a login; Wawp passes it on with 422. */
function notWaiting(current: string): SimResponse {
  return json(
    { statusCode: 422, message: `Can request code only in SCAN_QR_CODE status. The current status is ${current}`, error: 'Unprocessable Entity' },
    422,
  );
}

function requestCode({ instance, request, clock, random }: SimContext): SimResponse {
  const parsed = phoneBody.safeParse(request.body);
  if (!parsed.success) return json({ error: 'Bad Request - Missing Required Parameter(s)' }, 400);
  if (instance.connected) return notWaiting('WORKING');
  const digits = parsed.data.phone_number;
  if (refusesFirstCode(instance, digits)) return notWaiting('STARTING');
  const code = issuePairingCode(instance, digits, clock.now(), random);
  return json({ code: `${code.slice(0, 4)}-${code.slice(4)}` });
}

function qrImage({ instance, clock, random, qr }: SimContext): SimResponse {
  if (instance.connected) return notWaiting('WORKING');
  return json({ qr: `data:image/png;base64,${issueQr(instance, qr, clock.now(), random)}` });
}

function sessionInfo({ instance }: SimContext): SimResponse {
  return json({ status: instance.connected ? 'WORKING' : 'SCAN_QR_CODE' });
}

function me({ instance }: SimContext): SimResponse {
  if (!instance.connected) return notWaiting('SCAN_QR_CODE');
  return json({ id: `${instance.linking.linkedPhone ?? '5511987654321'}@c.us`, pushName: 'Simulated account' });
}

export const wawpRoutes: SimRoute[] = [
  { method: 'POST', path: '/v2/auth/request-code', handler: requestCode },
  { method: 'GET', path: '/v2/auth/qr-image', handler: qrImage },
  { method: 'GET_OR_POST', path: '/v2/session/info', handler: sessionInfo },
  { method: 'GET', path: '/v2/session/me', handler: me },
];
