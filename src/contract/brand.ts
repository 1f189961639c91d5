import { z } from 'zod/mini';

/** Where the console reads the optional brand, and where the proxy serves its logo (same origin). */
export const BRAND_PATH = '/brand.json';
export const BRAND_LOGO_URL = '/brand/logo';
export const BRAND_NAME_MAX = 60;

/** The product name and logo shown in the console's header, from the proxy's BRAND_* variables. */
export const brandSchema = z.strictObject({
  name: z.nullable(z.string().check(z.minLength(1), z.maxLength(BRAND_NAME_MAX))),
  logo: z.nullable(z.literal(BRAND_LOGO_URL)),
});
export type Brand = z.infer<typeof brandSchema>;

export const noBrand: Brand = { name: null, logo: null };
