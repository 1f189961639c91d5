import type { APIRequestContext, Page } from '@playwright/test';
import { errorBodySchema } from '../src/contract/errors';
import { codeRequestResultSchema } from '../src/contract/registration';
import { errors as englishErrors } from '../src/i18n/locales/en/errors';
import { expect, test } from './support/fixtures';
import { LinkingPage } from './support/linking-page';
import { SERVED_BY_HEADER } from './support/nginx-process';
import { RegistrationPage } from './support/registration-page';
import { hitsBetween, OPERATOR_TOKEN, startTopology, type Topology } from './support/topology';

/**
 * Three proxy processes behind nginx (deploy/nginx.conf), one Redis, one simulated provider: every
 * call of a journey may land on any process, processes crash and restart, Redis goes away and comes
 * back, and the operator's journey holds. One topology for the file; each test starts on a fresh
 * simulated instance and key prefix.
 */
// One worker runs the file's tests in order on one topology; a failure does not skip the rest. Each test
// restarts the three processes at least once, hence the longer timeout.
test.describe.configure({ mode: 'default', timeout: 120_000 });
test.use({ extraHTTPHeaders: { authorization: `Bearer ${OPERATOR_TOKEN}` } });

let topology: Topology;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  topology = await startTopology();
});

test.afterAll(async () => {
  await topology.close();
});

/** The process behind each answer under `under` (the API by default) the page received, by path, in order. */
function recordServedBy(page: Page, under = '/api/'): Array<{ path: string; servedBy: string }> {
  const served: Array<{ path: string; servedBy: string }> = [];
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    // After a failover nginx lists every process it tried; the last one answered.
    const servedBy = response.headers()[SERVED_BY_HEADER]?.split(',').pop()?.trim();
    if (path.startsWith(under) && servedBy) served.push({ path, servedBy });
  });
  return served;
}

const everyReplica = () => topology.replicas.map((replica) => replica.address).sort();
const distinct = (served: Array<{ servedBy: string }>) => [...new Set(served.map((entry) => entry.servedBy))].sort();

const registrationRoute = (name: string) => `/mobile/${name}`;

async function post(request: APIRequestContext, base: string, operation: string, data: object) {
  const response = await request.post(`${base}/api/v1/registration/${operation}`, { data });
  const body: unknown = await response.json();
  return { status: response.status(), body, servedBy: response.headers()[SERVED_BY_HEADER] ?? '' };
}

test('the happy path connects with its calls spread over all three processes', async ({ page }) => {
  await topology.freshInstance('happy');
  const served = recordServedBy(page);
  const everything = recordServedBy(page, '/');
  const registration = new RegistrationPage(page, topology.url);
  await registration.reachCodeEntry('11 98765-0001');
  await registration.enterCode('123456');
  await expect(registration.heading('Connected')).toBeVisible();
  expect(served.map((entry) => entry.path)).toEqual(
    expect.arrayContaining(['/api/v1/registration/availability', '/api/v1/registration/code-request', '/api/v1/registration/code-confirmation']),
  );
  // The page's files and its API calls share nginx's rotation, so which process the few API calls
  // reach depends on how many files came between them: the journey's calls land on more than one
  // process, and everything the page asked for lands on all three.
  expect(distinct(served).length).toBeGreaterThanOrEqual(2);
  expect(distinct(everything)).toEqual(everyReplica());
});

test('…05: the two-step PIN, asked on one process, is confirmed on another', async ({ page }) => {
  await topology.freshInstance('pin');
  const served = recordServedBy(page);
  const registration = new RegistrationPage(page, topology.url);
  await registration.reachCodeEntry('11 90000-0005');
  await registration.enterCode('123456');
  await expect(registration.heading('Enter the two-step PIN')).toBeFocused();
  await registration.pinField.fill('111111');
  await expect(page.getByText('That PIN is not right. Type it again.')).toBeVisible();
  await registration.pinField.fill('246810');
  await expect(registration.heading('Connected')).toBeVisible();
  expect(distinct(served)).toEqual(everyReplica());
});

test('…06: the device transfer is confirmed whichever process answers', async ({ page }) => {
  await topology.freshInstance('transfer');
  const served = recordServedBy(page);
  const registration = new RegistrationPage(page, topology.url);
  await registration.reachCodeEntry('11 90000-0006');
  await registration.enterCode('123456');
  await expect(registration.heading('Allow the move on the old phone')).toBeFocused();
  await registration.acceptTransfer();
  await expect(page.getByRole('status').filter({ hasText: 'has not seen the move allowed yet' })).toBeVisible();
  await registration.acceptTransferUntilConnected(30_000);
  expect(distinct(served)).toEqual(everyReplica());
});

test('linking by pairing code: the code from one process, the status from all three, connected', async ({ page }) => {
  await topology.freshInstance('linking');
  const served = recordServedBy(page);
  const linking = new LinkingPage(page, topology.url);
  await linking.open();
  await linking.chooseCode();
  await linking.submitNumber('11 98765-0004');
  await expect(linking.code()).toBeVisible();
  // The simulated phone types the code 8 s after it was issued; the status poll (every 3 s) sees it.
  await expect(linking.heading('Connected')).toBeVisible({ timeout: 20_000 });
  expect(served.map((entry) => entry.path)).toContain('/api/v1/linking/pairing-code');
  expect(distinct(served)).toEqual(everyReplica());
});

test('kill -9 of the process that sent the code: the code entered next connects', async ({ page }) => {
  await topology.freshInstance('crash');
  const served = recordServedBy(page);
  const registration = new RegistrationPage(page, topology.url);
  await registration.reachCodeEntry('11 98765-0005');
  const sender = served.find((entry) => entry.path === '/api/v1/registration/code-request')?.servedBy;
  const victim = topology.replicas.find((replica) => replica.address === sender);
  if (!victim) throw new Error(`no replica served the code request (${String(sender)})`);
  await victim.kill();

  await registration.enterCode('123456');
  await expect(registration.heading('Connected')).toBeVisible();
  const confirmation = served.find((entry) => entry.path === '/api/v1/registration/code-confirmation');
  expect(confirmation?.servedBy).toBeDefined();
  expect(confirmation?.servedBy).not.toBe(victim.address);
  await victim.start();
});

test('all three restarted between the code and its entry: the true countdown, then connected', async ({ page, request }) => {
  await topology.freshInstance('restart');
  const registration = new RegistrationPage(page, topology.url);
  const number = { ddi: '55', phone: '11987650006' };
  await registration.reachCodeEntry('11 98765-0006');
  const sentAt = Date.now();
  expect(await registration.countdownSeconds()).toBeGreaterThanOrEqual(58);

  await topology.restartAll();
  await page.reload();
  await expect(registration.heading('Enter the code')).toBeFocused();
  const elapsed = (Date.now() - sentAt) / 1000;
  const shown = await registration.countdownSeconds();
  expect(Math.abs(shown - (60 - elapsed))).toBeLessThanOrEqual(2);

  // The restarted processes know the same wait: a new code is refused until the countdown ends.
  const early = await post(request, topology.url, 'code-request', { ...number, method: 'sms' });
  expect(early.status).toBe(429);
  const refusal = errorBodySchema.parse(early.body);
  expect(refusal.code).toBe('RATE_LIMITED');
  expect(Math.abs((refusal.retryAfterSeconds ?? 0) - shown)).toBeLessThanOrEqual(2);

  await registration.enterCode('123456');
  await expect(registration.heading('Connected')).toBeVisible();
});

test('the sixth wrong code is refused by every process, and never reaches the provider', async ({ request }) => {
  await topology.freshInstance('wrong-code');
  const number = { ddi: '55', phone: '11987650007' };
  expect((await post(request, topology.url, 'availability', number)).status).toBe(200);
  expect((await post(request, topology.url, 'code-request', { ...number, method: 'sms' })).status).toBe(200);
  const before = await topology.providerHits();

  const wrong = [];
  for (let attempt = 0; attempt < 5; attempt++) wrong.push(await post(request, topology.url, 'code-confirmation', { code: '000000' }));
  expect(wrong.map((answer) => answer.body)).toEqual(Array.from({ length: 5 }, () => ({ outcome: 'wrong-code' })));
  expect([...new Set(wrong.map((answer) => answer.servedBy))].sort()).toEqual(everyReplica());

  for (const replica of topology.replicas) {
    for (const code of ['000000', '123456']) {
      const sixth = await post(request, replica.url, 'code-confirmation', { code });
      expect(sixth.status, `a sixth code on ${replica.address}`).toBe(429);
      expect(errorBodySchema.parse(sixth.body).code).toBe('RATE_LIMITED');
    }
  }
  expect(hitsBetween(before, await topology.providerHits(), [registrationRoute('confirm-registration-code')])).toBe(5);
});

test('the hourly cap of five code requests per number holds across processes and restarts', async ({ request }) => {
  await topology.freshInstance('hourly-cap');
  // …04: every code request is answered "blocked", so the next may follow at once (no resend wait).
  const number = { ddi: '55', phone: '11900000004' };
  const before = await topology.providerHits();
  for (let attempt = 0; attempt < 5; attempt++) {
    if (attempt === 3) await topology.restartAll();
    const replica = topology.replicas[attempt % topology.replicas.length];
    if (!replica) throw new Error('no replica');
    expect((await post(request, replica.url, 'availability', number)).status).toBe(200);
    const sent = await post(request, replica.url, 'code-request', { ...number, method: 'sms' });
    expect(codeRequestResultSchema.parse(sent.body).outcome).toBe('blocked');
  }
  await topology.restartAll();
  for (const replica of topology.replicas) {
    expect((await post(request, replica.url, 'availability', number)).status).toBe(200);
    const sixth = await post(request, replica.url, 'code-request', { ...number, method: 'sms' });
    expect(sixth.status, `a sixth code request on ${replica.address}`).toBe(429);
    expect(errorBodySchema.parse(sixth.body).code).toBe('RATE_LIMITED');
  }
  expect(hitsBetween(before, await topology.providerHits(), [registrationRoute('request-registration-code')])).toBe(5);
});

test('Redis stopped mid-journey: 503 STATE_UNAVAILABLE, no provider call, a clear message; Redis back: the journey goes on', async ({
  page,
  request,
}) => {
  await topology.freshInstance('redis-down');
  const messages: Record<string, string> = englishErrors;
  const registration = new RegistrationPage(page, topology.url);
  await registration.reachMethods('11 98765-0008');

  await topology.redis.stop();
  try {
    const before = await topology.providerHits();
    const answered = page.waitForResponse((response) => response.url().endsWith('/api/v1/registration/code-request'));
    await registration.chooseMethod(/Text message \(SMS\)/);
    const response = await answered;
    expect(response.status()).toBe(503);
    expect(errorBodySchema.parse(await response.json()).code).toBe('STATE_UNAVAILABLE');
    const sentence = messages['error.STATE_UNAVAILABLE'];
    expect(sentence, 'the console has its own sentence for STATE_UNAVAILABLE').toBeDefined();
    await expect(registration.alert).toContainText(sentence ?? '');
    await expect(registration.heading('How should WhatsApp send the code?')).toBeVisible();
    // Whichever process is asked, nothing reaches the provider, and none says it is ready.
    for (const replica of topology.replicas) {
      expect((await post(request, replica.url, 'code-request', { ddi: '55', phone: '11987650008', method: 'sms' })).status).toBe(503);
      expect((await request.get(`${replica.url}/readyz`)).status()).toBe(503);
    }
    expect(hitsBetween(before, await topology.providerHits())).toBe(0);
  } finally {
    await topology.redis.start();
  }

  // The processes reconnect by themselves; the operator asks again until one answers.
  for (let attempt = 0; ; attempt++) {
    const answered = page.waitForResponse((response) => response.url().endsWith('/api/v1/registration/code-request'));
    await registration.chooseMethod(/Text message \(SMS\)/);
    if ((await answered).status() === 200 || attempt === 10) break;
    await page.waitForTimeout(1_000);
  }
  await expect(registration.heading('Enter the code')).toBeVisible();
  await registration.enterCode('123456');
  await expect(registration.heading('Connected')).toBeVisible();
});
