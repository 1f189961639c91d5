import type { Locator, Page } from '@playwright/test';
import { expect, forTargets, test } from './support/fixtures';

forTargets(['proxy', 'demo'], () => {
  test('…05: a wrong PIN says so and empties the field; "forgot PIN" says where to look; 246810 connects', async ({
    registration,
    page,
  }) => {
    await registration.reachCodeEntry('11 90000-0005');
    await registration.enterCode('123456');
    await expect(registration.heading('Enter the two-step PIN')).toBeFocused();

    await registration.pinField.fill('111111');
    await expect(page.getByText('That PIN is not right. Type it again.')).toBeVisible();
    await expect(registration.pinField).toHaveValue('');
    await expect(registration.pinField).toBeFocused();
    await expect(registration.pinField).toHaveAttribute('aria-invalid', 'true');

    await page.getByRole('button', { name: 'I forgot the PIN' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'recovery e-mail' })).toContainText('spam folder');

    await registration.pinField.fill('246810');
    await expect(registration.heading('Connected')).toBeVisible();
  });
});

test('…12: the PIN first, then the device transfer', async ({ registration }) => {
  await registration.reachCodeEntry('11 90000-0012');
  await registration.enterCode('123456');
  await expect(registration.heading('Enter the two-step PIN')).toBeVisible();
  await registration.pinField.fill('246810');
  await expect(registration.heading('Allow the move on the old phone')).toBeFocused();
  await registration.acceptTransfer();
  await expect(registration.page.getByRole('status').filter({ hasText: 'has not seen the move allowed yet' })).toBeVisible();
  await registration.acceptTransferUntilConnected(30_000);
});

test('…05 by keyboard alone: number, method, code, PIN, connected', async ({ registration, page }) => {
  await registration.open();
  const keyboard = page.keyboard;
  await expect(registration.heading('Which number do you want to connect?')).toBeFocused();
  await tabUntil(page, page.getByLabel('Phone number with area code'));
  await keyboard.type('11 90000-0005');
  await keyboard.press('Enter');

  await expect(registration.heading('How should WhatsApp send the code?')).toBeFocused();
  await keyboard.press('Tab');
  await expect(registration.method(/Text message \(SMS\)/)).toBeFocused();
  await keyboard.press('Enter');

  await expect(registration.heading('Enter the code')).toBeFocused();
  await tabUntil(page, registration.codeField);
  await keyboard.type('123456');

  await expect(registration.heading('Enter the two-step PIN')).toBeFocused();
  await tabUntil(page, registration.pinField);
  await keyboard.type('246810');
  await expect(registration.heading('Connected')).toBeVisible();
});

/** Presses Tab (at most ten times) until `target` has the focus. */
async function tabUntil(page: Page, target: Locator): Promise<void> {
  for (let presses = 0; presses < 10; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}
