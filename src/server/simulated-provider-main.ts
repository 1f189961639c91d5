import { z } from 'zod';
import { createSimulatedProvider } from '../fake-provider/simulated-provider';
import { isLoopbackHost } from './config';
import { startSimulatedUpstream } from './simulated-upstream';

/**
 * `npm run simulated-provider`: the simulated provider as its own HTTP server, speaking Z-API and
 * Wawp at once. It accepts any instance id, token and client token and keeps one simulated
 * instance per id, so several proxies (replicas, a staging environment) share one provider by
 * pointing `ZAPI_BASE_URL` or `WAWP_BASE_URL` at it with any credentials.
 */
const envSchema = z.object({
  SIMULATED_PORT: z.coerce.number().int().min(0).max(65535).default(8090),
  SIMULATED_HOST: z.string().trim().min(1).default('127.0.0.1'),
  SIMULATED_QR: z.enum(['scanned', 'never-scanned']).default('scanned'),
  SIMULATED_UPSTREAM_HIT_COUNTER: z.enum(['0', '1']).default('0'),
});

const parsed = envSchema.safeParse(process.env);
if (!parsed.success) {
  const problems = parsed.error.issues.map((issue) => `  - ${issue.path.join('.')}: ${issue.message}`);
  process.stderr.write(`Configuration is not valid:\n${problems.join('\n')}\n`);
  process.exit(1);
}
const env = parsed.data;
const hitCounter = env.SIMULATED_UPSTREAM_HIT_COUNTER === '1';
// The call counter is a test aid: it never answers beyond loopback.
if (hitCounter && !isLoopbackHost(env.SIMULATED_HOST)) {
  process.stderr.write('SIMULATED_UPSTREAM_HIT_COUNTER: only on a loopback SIMULATED_HOST\n');
  process.exit(1);
}

const provider = createSimulatedProvider({ instances: [], anyCredentials: true, qr: env.SIMULATED_QR });
const upstream = await startSimulatedUpstream(provider, env.SIMULATED_PORT, { hitCounter, host: env.SIMULATED_HOST });
process.stdout.write(`simulated provider listening on ${upstream.url} (Z-API and Wawp, any credentials)\n`);
if (upstream.hitCounterUrl) process.stdout.write(`simulated upstream hit counter at ${upstream.hitCounterUrl}\n`);

const shutdown = () => void upstream.close().then(() => process.exit(0));
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
