import { z } from 'zod';

export const instanceStatusSchema = z.strictObject({
  connected: z.boolean(),
  /** The provider asks for the saved session to be restored before it can connect. */
  needsRestore: z.boolean(),
});
export type InstanceStatus = z.infer<typeof instanceStatusSchema>;
