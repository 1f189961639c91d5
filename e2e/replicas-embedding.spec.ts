import { mintEmbedToken } from '../examples/portal/mint-token';
import { embedSessionSchema } from '../src/contract/embed';
import { errorBodySchema } from '../src/contract/errors';
import { expect, test } from './support/fixtures';
import { SERVED_BY_HEADER } from './support/nginx-process';
import { startTopology, type Topology } from './support/topology';

/**
 * Embedded behind three processes: a token is exchanged once in the whole deployment (its `jti` is
 * spent in Redis), and the session it opens is known to every process.
 */
const secret = 'replicas-embed-secret-of-at-least-32-characters';
const issuer = 'example-portal';
/** The portal's page is never loaded here; its origin only has to be allowed and named in the token. */
const portalOrigin = 'http://127.0.0.1:9';

// One worker runs the file's tests in order on one topology; a failure does not skip the rest. Each test
// restarts the three processes at least once, hence the longer timeout.
test.describe.configure({ mode: 'default', timeout: 120_000 });

let topology: Topology;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  topology = await startTopology({
    env: { EMBED_ENABLED: 'true', EMBED_ISSUER: issuer, EMBED_SECRET: secret, EMBED_ALLOWED_ORIGINS: portalOrigin },
  });
});

test.afterAll(async () => {
  await topology.close();
});

test('a token exchanged on one process is refused by the others, and its session works on all three', async ({ request }) => {
  await topology.freshInstance('embed');
  const token = await mintEmbedToken({ secret, issuer, operator: 'operator-1', instance: 'default', parentOrigin: portalOrigin });
  const [first, ...others] = topology.replicas;
  if (!first) throw new Error('no replica');

  const exchanged = await request.post(`${first.url}/api/v1/embed/session`, { data: { token } });
  expect(exchanged.status()).toBe(200);
  const { session } = embedSessionSchema.parse(await exchanged.json());

  for (const replica of others) {
    const replayed = await request.post(`${replica.url}/api/v1/embed/session`, { data: { token } });
    expect(replayed.status(), `the same token on ${replica.address}`).toBe(401);
    expect(errorBodySchema.parse(await replayed.json()).code).toBe('UNAUTHORIZED');
  }

  const authorization = { authorization: `Bearer ${session}` };
  for (const replica of topology.replicas) {
    const capabilities = await request.get(`${replica.url}/api/v1/instance/capabilities`, { headers: authorization });
    expect(capabilities.status(), `the session on ${replica.address}`).toBe(200);
    const unsigned = await request.get(`${replica.url}/api/v1/instance/capabilities`);
    expect(unsigned.status(), `no session on ${replica.address}`).toBe(401);
  }

  // A journey through nginx with that session: each call may land anywhere, and all three serve it.
  const served = new Set<string>();
  const number = { ddi: '55', phone: '11987650010' };
  const steps: Array<[string, object, string]> = [
    ['availability', number, 'available'],
    ['code-request', { ...number, method: 'sms' }, 'sent'],
    ['code-confirmation', { code: '123456' }, 'connected'],
  ];
  for (const [operation, data, outcome] of steps) {
    const response = await request.post(`${topology.url}/api/v1/registration/${operation}`, { data, headers: authorization });
    expect(await response.json()).toMatchObject({ outcome });
    served.add(response.headers()[SERVED_BY_HEADER] ?? '');
  }
  expect([...served].sort()).toEqual(topology.replicas.map((replica) => replica.address).sort());
});
