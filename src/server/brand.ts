import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { BRAND_LOGO_URL, BRAND_NAME_MAX, BRAND_PATH, noBrand, type Brand } from '../contract/brand';

/** The largest logo file accepted: a header logo, not a photograph. */
export const BRAND_LOGO_MAX_BYTES = 256 * 1024;

const logoTypes: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
};

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value === '' ? undefined : value));

/** The BRAND_* variables; spread into the proxy's environment schema. */
export const brandEnvShape = {
  /** The product name in the console's header, instead of "WhatsApp number onboarding". */
  BRAND_NAME: optionalText.refine((value) => value === undefined || value.length <= BRAND_NAME_MAX, `at most ${BRAND_NAME_MAX} characters`),
  /** A PNG, JPEG, WebP or SVG file on the proxy's disk; the proxy serves it at /brand/logo. */
  BRAND_LOGO_PATH: optionalText,
};

export interface BrandConfig {
  name: string | null;
  logo: { type: string; bytes: Buffer } | null;
}

export type BrandConfigResult = { ok: true; brand: BrandConfig } | { ok: false; problems: string[] };

/** Reads the logo once at start, so a missing or unsuitable file stops the proxy instead of a broken header. */
export function brandConfigFrom(env: { BRAND_NAME?: string | undefined; BRAND_LOGO_PATH?: string | undefined }): BrandConfigResult {
  const name = env.BRAND_NAME ?? null;
  const path = env.BRAND_LOGO_PATH;
  if (path === undefined) return { ok: true, brand: { name, logo: null } };
  const type = logoTypes[extname(path).toLowerCase()];
  if (!type) return { ok: false, problems: ['BRAND_LOGO_PATH: a .png, .jpg, .jpeg, .webp or .svg file'] };
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return { ok: false, problems: ['BRAND_LOGO_PATH: not a file'] };
    size = stat.size;
  } catch {
    return { ok: false, problems: ['BRAND_LOGO_PATH: the file cannot be read'] };
  }
  if (size === 0 || size > BRAND_LOGO_MAX_BYTES) return { ok: false, problems: [`BRAND_LOGO_PATH: the file must hold 1 byte to ${BRAND_LOGO_MAX_BYTES / 1024} KB`] };
  return { ok: true, brand: { name, logo: { type, bytes: readFileSync(path) } } };
}

/**
 * What the console's header shows, and the logo itself, both from the console's own origin (the
 * page's CSP allows images from 'self' only, besides data URIs). Behind the operator credential
 * like every page; JSON answers are `no-store` like every JSON answer.
 */
export function registerBrand(app: FastifyInstance, brand: BrandConfig | null): void {
  const answer: Brand = brand ? { name: brand.name, logo: brand.logo ? BRAND_LOGO_URL : null } : noBrand;
  app.get(BRAND_PATH, (_request, reply) => reply.send(answer));
  const logo = brand?.logo;
  if (!logo) return;
  app.get(BRAND_LOGO_URL, (_request, reply) =>
    // The answer's CSP (every answer's) lets an SVG opened on its own run no inline script.
    reply.type(logo.type).header('cache-control', 'no-cache').send(logo.bytes),
  );
}
