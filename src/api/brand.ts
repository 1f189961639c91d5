import { queryOptions } from '@tanstack/react-query';
import { BRAND_PATH, brandSchema, noBrand, type Brand } from '../contract/brand';

/**
 * The header's product name and logo, as the proxy's configuration says (BRAND_NAME,
 * BRAND_LOGO_PATH). Read once with the first screen's other reads; anything but a valid answer (the
 * static demo, an old proxy) shows the console's own name.
 */
export const brandOptions = queryOptions({
  queryKey: ['brand'],
  queryFn: ({ signal }) => readBrand(signal),
  staleTime: Infinity,
  retry: false,
});

async function readBrand(signal: AbortSignal): Promise<Brand> {
  try {
    const response = await fetch(BRAND_PATH, { signal, headers: { accept: 'application/json' } });
    if (!response.ok) return noBrand;
    const parsed = brandSchema.safeParse(await response.json());
    return parsed.success ? parsed.data : noBrand;
  } catch {
    return noBrand;
  }
}
