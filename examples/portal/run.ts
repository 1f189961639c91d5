import { startPortal } from './server';

/**
 * `npx tsx examples/portal/run.ts`: the example portal on http://127.0.0.1:4100, framing the console
 * at CONSOLE_URL (default http://127.0.0.1:8080/). Start the console with the same EMBED_SECRET.
 */
const secret = process.env.EMBED_SECRET ?? '';
if (secret.length < 32) {
  process.stderr.write('Set EMBED_SECRET (at least 32 characters), the same as the console’s.\n');
  process.exit(1);
}
const portal = await startPortal({
  consoleUrl: () => process.env.CONSOLE_URL ?? 'http://127.0.0.1:8080/',
  secret,
  issuer: process.env.EMBED_ISSUER ?? 'example-portal',
  instance: process.env.EMBED_INSTANCE ?? 'default',
  port: Number(process.env.PORTAL_PORT ?? 4100),
});
process.stdout.write(`Example portal on ${portal.origin}/ (EMBED_ALLOWED_ORIGINS=${portal.origin})\n`);
