import { expect, forTargets, test } from './support/fixtures';

forTargets(['proxy', 'demo'], () => {
  test('…04: blocked at the code request, said plainly, with no retry that cannot work', async ({ registration, page }) => {
    await registration.reachMethods('11 90000-0004');
    await registration.chooseMethod(/Text message \(SMS\)/);
    await expect(registration.heading('This number cannot be registered')).toBeFocused();
    await expect(page.getByText('WhatsApp has blocked +55 11 90000-0004 and does not accept an appeal for it.', { exact: false })).toBeVisible();
    await expect(page.getByRole('button', { name: /try again|check the number/i })).toHaveCount(0);

    await page.getByRole('button', { name: 'Use another number' }).click();
    await expect(registration.heading('Which number do you want to connect?')).toBeFocused();
    await expect(page.getByLabel('Phone number with area code')).toHaveValue(/90000-?0004/);
  });
});
