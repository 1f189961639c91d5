import { emptyRequestSchema } from './common';
import { instanceCapabilitiesSchema, instanceStatusSchema } from './instance';
import { operation } from './operation';

/** What the first screen asks: whether the instance is connected, and what its provider supports. */
export const instanceOperations = {
  getStatus: operation('GET', '/instance/status', emptyRequestSchema, instanceStatusSchema),
  // What the instance's provider supports; the gateway answers it from the adapter, with no upstream call.
  getCapabilities: operation('GET', '/instance/capabilities', emptyRequestSchema, instanceCapabilitiesSchema),
};
