import { empty, json, type SimRoute } from '../model';
import { issuePairingCode, issueQr } from '../linking';

/** Z-API's linking routes: both refuse with an empty 409 once the instance is connected. */
export const zapiLinkingRoutes: SimRoute[] = [
  {
    method: 'GET',
    path: '/phone-code/:phone',
    handler: ({ instance, params, clock, random }) => {
      if (instance.connected) return empty(409);
      const digits = params.phone ?? '';
      if (!/^\d{8,18}$/.test(digits)) return empty(400);
      // The newer page's shape, unformatted: the adapter adds the dash.
      return json({ value: issuePairingCode(instance, digits, clock.now(), random) });
    },
  },
  {
    method: 'GET',
    path: '/qr-code/image',
    handler: ({ instance, clock, random, qr }) => {
      if (instance.connected) return empty(409);
      const base64 = issueQr(instance, qr, clock.now(), random);
      // Alternates the two documented shapes: a data URI under `value`, plain base64 under `base64`.
      return json(instance.linking.qrIssued % 2 === 1 ? { value: `data:image/png;base64,${base64}` } : { base64 });
    },
  },
];
