import { expect, forTargets, test } from './support/fixtures';

forTargets(['proxy', 'demo'], () => {
  test('a wrong code is said on the field, cleared and focused; after five, a new code is needed', async ({ registration, page }) => {
    await registration.reachCodeEntry('11 98765-4321');
    for (let wrong = 1; wrong <= 4; wrong += 1) {
      await registration.enterCode('111111');
      await expect(page.getByText(`Attempts left for this code: ${String(5 - wrong)}.`)).toBeVisible();
      await expect(registration.codeField).toHaveValue('');
      await expect(registration.codeField).toBeFocused();
      await expect(registration.codeField).toHaveAccessibleDescription(/That code is not right/);
    }
    await registration.enterCode('111111');
    await expect(registration.alert.filter({ hasText: 'Too many wrong codes. Ask for a new code.' })).toBeVisible();
    await expect(registration.codeField).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Confirm code' })).toBeDisabled();
    // A new code once the resend wait allows one: the link says when.
    await expect(page.getByRole('button', { name: /^New code in \d:\d\d$/ })).toBeDisabled();
  });
});
