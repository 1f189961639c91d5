import { z } from 'zod';
import { mapped, type OperationMappings } from '../types';
import { zapiOperation } from './responses';

const statusSchema = z.object({
  connected: z.boolean(),
  error: z.string().nullable().optional(),
  smartphoneConnected: z.boolean().optional(),
});

export const zapiInstance: OperationMappings = {
  getStatus: zapiOperation('getStatus', {
    toUpstream: () => ({ method: 'GET', path: '/status' }),
    // `/status` puts "You are not connected." in its own `error` field: that is a normal answer,
    // not the error-in-200 failure, so a 200 with `connected` is mapped before the shared checks.
    byStatus: (response) => {
      const parsed = statusSchema.safeParse(response.body);
      if (response.status !== 200 || !parsed.success) return null;
      return mapped({ connected: parsed.data.connected, needsRestore: /restore/i.test(parsed.data.error ?? '') });
    },
    schema: statusSchema,
    fromBody: (body) => mapped({ connected: body.connected, needsRestore: false }),
  }),
};
