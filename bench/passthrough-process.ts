import replyFrom from '@fastify/reply-from';
import Fastify from 'fastify';

/**
 * The baseline of `npm run bench:proxy`, in its own process like the proxy: a bare Fastify with
 * @fastify/reply-from (undici) forwarding the same request to the same upstream, with the
 * credentials added to the path and headers. No validation, guards, logging or error catalogue.
 */
const upstream = process.env.UPSTREAM_URL ?? '';
const instanceId = process.env.INSTANCE_ID ?? '';
const instanceToken = process.env.INSTANCE_TOKEN ?? '';
const clientToken = process.env.CLIENT_TOKEN ?? '';

const app = Fastify({ logger: false });
await app.register(replyFrom, { base: upstream });
app.get('/api/v1/instance/status', (_request, reply) =>
  reply.from(`/instances/${instanceId}/token/${instanceToken}/status`, {
    // The operator's bearer token stays here, as the proxy keeps it; the provider's is added.
    rewriteRequestHeaders: (_req, headers) => ({ ...headers, authorization: undefined, 'client-token': clientToken }),
  }),
);
const url = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`listening on ${url}\n`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
