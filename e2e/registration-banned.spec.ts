import { expect, forTargets, test } from './support/fixtures';

const description = 'This number serves our shop customers; we never send bulk messages.';

forTargets(['proxy', 'demo'], () => {
  test('…02: banned, the description is required with its limits, the appeal goes in review', async ({ registration, page }) => {
    await registration.open();
    await registration.submitNumber('11 90000-0002');
    await expect(registration.heading('WhatsApp has banned this number')).toBeFocused();
    const field = page.getByLabel('Why should WhatsApp lift the ban?');
    await expect(field).toHaveAttribute('maxlength', '1000');
    await expect(page.getByText('Between 20 and 1,000 characters.', { exact: false })).toBeVisible();

    await registration.appeal('');
    await expect(page.getByText('Describe why the ban should be lifted.')).toBeVisible();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await registration.appeal('Too short');
    await expect(page.getByText('Write at least 20 characters.')).toBeVisible();
    await expect(field).toHaveValue('Too short');

    await registration.appeal(description);
    await expect(registration.heading('The appeal is being reviewed')).toBeFocused();
    await expect(page.getByText(/WhatsApp is reviewing the ban of \+55 11 90000-0002/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Start over' })).toBeVisible();
  });

  test('…03: banned, the appeal lifts the ban and the same number registers', async ({ registration, page }) => {
    await registration.open();
    await registration.submitNumber('11 90000-0003');
    await expect(registration.heading('WhatsApp has banned this number')).toBeVisible();
    await registration.appeal(description);
    await expect(registration.heading('The ban was lifted')).toBeFocused();
    await page.getByRole('button', { name: 'Continue with +55 11 90000-0003' }).click();
    await expect(registration.heading('How should WhatsApp send the code?')).toBeVisible();
    await registration.chooseMethod(/Text message \(SMS\)/);
    await registration.enterCode('123456');
    await expect(registration.heading('Connected')).toBeVisible();
  });
});
