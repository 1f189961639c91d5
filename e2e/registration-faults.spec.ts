import { expect, forTargets, test, type Page } from './support/fixtures';

forTargets(['proxy', 'demo'], () => {
  test('…10: an outage is one sentence and a retry, and the number stays typed', async ({ registration, page }) => {
    await registration.open();
    await registration.submitNumber('11 90000-0010');
    await expect(registration.alert).toHaveText(/The WhatsApp provider failed to answer\. Try again in a moment\./);
    await expect(page.getByLabel('Phone number with area code')).toHaveValue(/90000-?0010/);
    await expect(registration.alert.getByRole('button', { name: 'Try again' })).toBeVisible();
  });

  // The string `retryAfter` of …13 is covered where it is parsed: src/providers/zapi/quirks.test.ts.
  test('…13: quirks — a data-URI captcha and an error inside a 200 on the first PIN, retried with the PIN kept', async ({
    registration,
  }) => {
    await registration.reachMethods('11 90000-0013');
    await registration.chooseMethod(/Text message \(SMS\)/);
    await expect(registration.captchaImage).toHaveAttribute('src', /^data:image\/png;base64,/);
    await registration.answerCaptcha('428517');
    await expect(registration.heading('Enter the code')).toBeVisible();
    await registration.enterCode('123456');
    await expect(registration.heading('Enter the two-step PIN')).toBeVisible();
    await registration.pinField.fill('246810');
    await expect(registration.alert).toContainText('The WhatsApp provider refused the request.');
    await expect(registration.pinField).toHaveValue('246810');
    await registration.alert.getByRole('button', { name: 'Try again' }).click();
    await expect(registration.heading('Connected')).toBeVisible();
  });

  test('offline: said at once, nothing sent, what was typed is kept', async ({ registration, page, context }) => {
    const calls: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/v1/registration/')) calls.push(request.url());
    });
    await registration.open();
    await context.setOffline(true);
    await registration.submitNumber('11 98765-4321');
    await expect(registration.alert.filter({ hasText: 'You are offline, so nothing was sent.' })).toBeVisible({ timeout: 1_000 });
    await expect(page.getByLabel('Phone number with area code')).toHaveValue(/98765-?4321/);
    expect(calls).toEqual([]);
    await context.setOffline(false);
    await registration.alert.getByRole('button', { name: 'Try again' }).click();
    await expect(registration.heading('How should WhatsApp send the code?')).toBeVisible();
  });
});

test('…11: a slow provider shows the wait and then answers', async ({ registration, page }) => {
  await registration.open();
  await registration.submitNumber('11 90000-0011');
  await expect(page.getByRole('button', { name: 'Checking the number…' })).toBeDisabled();
  await expect(registration.heading('How should WhatsApp send the code?')).toBeVisible({ timeout: 15_000 });
});

/** Code requests reach the provider but their answers never reach the browser. */
async function loseCodeRequestAnswers(page: Page): Promise<void> {
  await page.route('**/api/v1/registration/code-request', async (route) => {
    await route.fetch();
    await route.abort('connectionreset');
  });
}

test('a code request whose answer is lost: "may have been sent", nothing resent by itself, the code still works', async ({
  registration,
  page,
  server,
}) => {
  await registration.reachMethods('11 98765-4321');
  await loseCodeRequestAnswers(page);
  await registration.chooseMethod(/Text message \(SMS\)/);
  await expect(registration.heading('The code may have been sent')).toBeFocused();
  await expect(page.getByText(/it may have been sent to \+55 11 98765-4321\. Nothing will be sent again by itself\./)).toBeVisible();
  await expect(page.getByText(/A new code can be asked for in (1:00|0:59)/).first()).toBeVisible();
  const before = await server?.upstreamHits();
  expect(before?.['/mobile/request-registration-code']).toBe(1);
  await page.waitForTimeout(1_500);
  expect(await server?.upstreamHits()).toEqual(before);

  await page.getByRole('button', { name: 'I have a code' }).click();
  await registration.enterCode('123456');
  await expect(registration.heading('Connected')).toBeVisible();
});

test('after a lost answer, re-checking the number keeps the resend wait instead of sending again', async ({ registration, page }) => {
  await registration.reachMethods('11 98765-4321');
  await loseCodeRequestAnswers(page);
  await registration.chooseMethod(/Text message \(SMS\)/);
  await page.getByRole('button', { name: 'Check the number again' }).click();
  await expect(registration.heading('How should WhatsApp send the code?')).toBeVisible();
  for (const name of [/Text message \(SMS\)/, /Voice call/, /Pop-up on the phone/]) {
    await expect(registration.method(name)).toBeDisabled();
    await expect(registration.method(name)).toHaveAccessibleDescription(/Available in (1:00|0:5\d)/);
  }
  await expect(page.getByRole('button', { name: 'I already have a code' })).toBeEnabled();
});
