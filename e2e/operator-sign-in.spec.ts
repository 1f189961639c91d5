import { expect, test } from './support/fixtures';

/** Operator sign-in through the browser's own basic-auth dialog (docs/decisions/021). */
const operator = { username: 'operator', password: 'correct horse battery staple' };

test.describe('with operator sign-in configured', () => {
  test.use({ serverEnv: { OPERATOR_USER: operator.username, OPERATOR_PASSWORD: operator.password } });

  test.describe('signed in', () => {
    test.use({ httpCredentials: operator });

    test('the browser answers the challenge once and every API call carries the credential', async ({ registration, page }) => {
      const statuses: number[] = [];
      page.on('response', (response) => {
        if (response.url().includes('/api/v1/registration/')) statuses.push(response.status());
      });
      await registration.open();
      await registration.submitNumber('11 98765-4321');
      await registration.chooseMethod(/Text message \(SMS\)/);
      await registration.enterCode('123456');
      await expect(registration.heading('Connected')).toBeVisible();
      expect(statuses).toEqual([200, 200, 200]);
    });
  });

  test('without the credential, neither the console nor the API opens', async ({ consoleUrl, request }) => {
    const page = await request.get(consoleUrl);
    expect(page.status()).toBe(401);
    expect(page.headers()['www-authenticate']).toMatch(/^Basic /);
    const api = await request.post(`${consoleUrl}/api/v1/registration/availability`, { data: { ddi: '55', phone: '11987654321' } });
    expect(api.status()).toBe(401);
    expect(await api.json()).toMatchObject({ code: 'UNAUTHORIZED' });
  });
});
