import { expectNoAxeViolations } from './support/axe';
import { expect, forTargets, test } from './support/fixtures';

forTargets(['proxy', 'demo'], () => {
  test('an operator registers +55 11 98765-4321 by SMS with code 123456 and sees it connected', async ({ registration, page }) => {
    await registration.open();
    await expect(registration.heading('Which number do you want to connect?')).toBeFocused();
    await expectNoAxeViolations(page, 'phone entry');

    await registration.submitNumber('11 98765-4321');
    await expect(registration.heading('How should WhatsApp send the code?')).toBeVisible();
    await expect(page.getByRole('button', { name: /Text message \(SMS\).*Available now/ })).toBeEnabled();
    await expectNoAxeViolations(page, 'method choice');

    await registration.chooseMethod(/Text message \(SMS\)/);
    await expect(registration.heading('Enter the code')).toBeVisible();
    await expect(page.getByText('Enter the 6-digit code sent by text message to')).toBeVisible();
    // No new code during the wait: the link says when one can be asked for.
    await expect(page.getByRole('button', { name: /^New code in (1:00|0:5\d)$/ })).toBeDisabled();
    await expectNoAxeViolations(page, 'code entry');

    await registration.enterCode('123456');
    await expect(registration.heading('Connected')).toBeVisible();
    await expect(page.getByText('+55 11 98765-4321 is now connected to this instance.')).toBeVisible();
    await expectNoAxeViolations(page, 'connected');
  });

  test('a malformed number gets a field error and nothing is sent', async ({ registration, page }) => {
    const calls: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/v1/registration/')) calls.push(request.url());
    });
    await registration.open();
    await registration.submitNumber('11 8765-432');
    const field = page.getByLabel('Phone number with area code');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('Numbers in Brazil have 10 or 11 digits with the area code.')).toBeVisible();
    expect(calls).toEqual([]);
  });
});

test('the proxy serves the console with a strict content security policy', async ({ page, consoleUrl }) => {
  const response = await page.goto(consoleUrl);
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  await expect(page.getByRole('heading', { level: 2 })).toBeVisible();
});
