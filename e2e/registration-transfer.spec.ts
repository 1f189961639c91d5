import { expect, forTargets, test } from './support/fixtures';

forTargets(['proxy', 'demo'], () => {
  test('…06: numbered steps for the old phone; "not accepted yet" keeps the screen; later it connects', async ({
    registration,
    page,
  }) => {
    await registration.reachCodeEntry('11 90000-0006');
    await registration.enterCode('123456');
    await expect(registration.heading('Allow the move on the old phone')).toBeFocused();
    const steps = page.getByRole('list', { name: 'On the old phone' }).getByRole('listitem');
    await expect(steps).toHaveText(['Open WhatsApp.', /move the account to a new device/, /Tap to allow it/]);

    await registration.acceptTransfer();
    await expect(page.getByRole('status').filter({ hasText: 'has not seen the move allowed yet' })).toBeVisible();
    await expect(registration.heading('Allow the move on the old phone')).toBeVisible();

    // The simulated old phone accepts 10 s after the transfer was asked.
    await registration.acceptTransferUntilConnected(30_000);
  });
});
