import { createServer, type Server } from 'node:http';
import { expect, test } from './support/fixtures';

/**
 * CSRF: the operator has signed in, so the browser holds the basic credential for the console's
 * origin and sends it whichever page asks. A page on another loopback origin tries a fetch and a
 * form POST against the API; both are refused and nothing reaches the provider.
 */
const operator = { username: 'operator', password: 'correct horse battery staple' };

function attackerPage(consoleUrl: string): string {
  const target = `${consoleUrl}/api/v1/registration/availability`;
  return `<!doctype html><html><body>
<form id="form" method="POST" action="${target}" enctype="text/plain"><input name='{"ddi":"55","phone":"11987654321","x":"' value='"}'></form>
<script>
  fetch(${JSON.stringify(target)}, { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'content-type': 'text/plain' }, body: '{"ddi":"55","phone":"11987654321"}' })
    .finally(() => document.getElementById('form').submit());
</script></body></html>`;
}

async function serveAttacker(consoleUrl: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(attackerPage(consoleUrl));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

test.describe('a page on another origin', () => {
  test.use({ serverEnv: { OPERATOR_USER: operator.username, OPERATOR_PASSWORD: operator.password } });

  test("cannot drive a state-changing call with the operator's basic credentials", async ({ browser, server, consoleUrl }) => {
    if (!server) throw new Error('this test needs the proxy');
    const context = await browser.newContext({ httpCredentials: operator });
    const page = await context.newPage();
    // The operator signs in: the browser now holds the credential for the console's origin.
    const signedIn = await page.goto(consoleUrl);
    expect(signedIn?.status()).toBe(200);

    const attacker = await serveAttacker(consoleUrl);
    const answers: Array<{ method: string; status: number }> = [];
    page.on('response', (response) => {
      if (response.url().includes('/api/v1/registration/')) answers.push({ method: response.request().method(), status: response.status() });
    });
    expect(new URL(attacker.url).origin).not.toBe(new URL(consoleUrl).origin);
    await page.goto(attacker.url);
    // The form's submission lands on the console's refusal.
    await expect(page).toHaveURL(/\/api\/v1\/registration\/availability$/);
    await expect(page.locator('body')).toContainText('CROSS_SITE_REQUEST');
    await expect.poll(() => answers.length).toBeGreaterThanOrEqual(2);
    expect(answers.filter((answer) => answer.status === 403)).toHaveLength(answers.filter((answer) => answer.status !== 401).length);
    expect(answers.some((answer) => answer.status === 200)).toBe(false);
    const hits = await server.upstreamHits();
    expect(Object.keys(hits).filter((path) => path.includes('registration-available'))).toEqual([]);

    await attacker.close();
    await context.close();
  });
});
