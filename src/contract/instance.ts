import { z } from 'zod/mini';

export const instanceStatusSchema = z.strictObject({
  connected: z.boolean(),
  /** The provider asks for the saved session to be restored before it can connect. */
  needsRestore: z.boolean(),
});
export type InstanceStatus = z.infer<typeof instanceStatusSchema>;

/** What this instance's provider supports, so the console offers only the ways that can work. */
export const instanceCapabilitiesSchema = z.strictObject({
  /** Registering the number on the instance (the instance becomes the phone). */
  registration: z.boolean(),
  /** Linking the instance as a device of the phone that has WhatsApp (pairing code or QR). */
  linking: z.boolean(),
  /** The account's e-mail and PIN once connected. */
  accountSecurity: z.boolean(),
});
export type InstanceCapabilities = z.infer<typeof instanceCapabilitiesSchema>;
