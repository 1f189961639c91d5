import { z } from 'zod/mini';

/*
 * Zod compiles object parsers with `new Function`, and probes for it when a schema is created. The
 * console's CSP forbids eval, and the probe alone is reported as a violation, so this runs before
 * any schema exists: main.tsx imports it first.
 */
z.config({ jitless: true });
