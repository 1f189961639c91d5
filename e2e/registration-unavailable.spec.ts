import { expect, forTargets, test } from './support/fixtures';

forTargets(['proxy', 'demo'], () => {
  test('…09: not available, the reason as a sentence, what to do, and a new check', async ({ registration, page, server }) => {
    await registration.open();
    await registration.submitNumber('11 90000-0009');
    await expect(registration.heading('This number cannot be registered right now')).toBeFocused();
    await expect(page.getByText('WhatsApp cannot register +55 11 90000-0009 right now.')).toBeVisible();
    await expect(page.getByText('Wait a while and check the number again, or use another number.')).toBeVisible();
    const before = server ? await server.upstreamHits() : null;
    await page.getByRole('button', { name: 'Check the number again' }).click();
    await expect(registration.heading('This number cannot be registered right now')).toBeVisible();
    if (server && before) {
      await expect.poll(async () => (await server.upstreamHits())['/mobile/registration-available']).toBe(
        (before['/mobile/registration-available'] ?? 0) + 1,
      );
    }
  });

  test('…08: SMS cannot be used now; voice can, and registers', async ({ registration }) => {
    await registration.reachMethods('11 90000-0008');
    await expect(registration.method(/Text message \(SMS\)/)).toBeDisabled();
    await expect(registration.method(/Text message \(SMS\)/)).toHaveAccessibleDescription('Not available for this number right now');
    await registration.chooseMethod(/Voice call/);
    await expect(registration.heading('Enter the code')).toBeVisible();
    await registration.enterCode('123456');
    await expect(registration.heading('Connected')).toBeVisible();
  });
});
