import { expectNoAxeViolations } from './support/axe';
import { expect, providers, test } from './support/linking-fixtures';

for (const provider of providers) {
  test.describe(`pairing code through the proxy with ${provider.name}`, () => {
    test.use({ serverEnv: provider.env });

    test('a code that the phone types connects the instance, and the connected screen opens by itself', async ({ linking, page }) => {
      await linking.open();
      await expectNoAxeViolations(page, 'link method choice');
      await linking.chooseCode();
      await linking.submitNumber('11 98765-4321');
      await expect(linking.heading('Type this code on the phone')).toBeFocused();
      await expect(linking.code()).toBeVisible();
      await expect(page.getByText(/This code expires in 2:[34]\d/)).toBeVisible();
      await expect(page.getByRole('listitem')).toHaveText([
        'Open WhatsApp.',
        'Tap More options ⋮ (Android) or Settings (iPhone), then Linked devices.',
        'Tap Link a device, then Link with phone number instead.',
        'Type the 8 characters shown here.',
      ]);
      await expectNoAxeViolations(page, 'pairing code');

      // The simulated phone types the code 8 s after it was issued; the status poll notices.
      await expect(linking.heading('Connected')).toBeVisible({ timeout: 20_000 });
      await expect(page.getByText('+55 11 98765-4321 is now connected to this instance.')).toBeVisible();
    });

    test('a code nobody types is replaced by a new one when it expires, never left on screen', async ({ linking, page }) => {
      await page.clock.install();
      const calls = linking.recordCalls('pairing-code');
      await linking.open();
      await linking.chooseCode();
      await linking.submitNumber('11 90000-0020');
      await expect(linking.code()).toBeVisible();
      const first = await linking.code().textContent();
      expect(calls).toHaveLength(1);

      // The browser's clock reaches the code's deadline (160 s after it was issued).
      await page.clock.fastForward('02:41');
      await expect(page.getByText('The previous code expired; this is a new one.')).toBeVisible();
      await expect(linking.code()).toBeVisible();
      expect(calls).toHaveLength(2);
      expect(calls.map((call) => call.status)).toEqual([200, 200]);
      const second = await linking.code().textContent();
      expect(second).not.toBe(first);
      await expect(page.getByText(first ?? 'no first code', { exact: true })).toHaveCount(0);
      await expect(page.getByText(/This code expires in 2:[34]\d/)).toBeVisible();
      await expect(linking.heading('Type this code on the phone')).toBeVisible();
    });

    test('a reload keeps the live code on screen and asks for no other', async ({ linking, page }) => {
      const calls = linking.recordCalls('pairing-code');
      await linking.open();
      await linking.chooseCode();
      await linking.submitNumber('11 90000-0020');
      await expect(linking.code()).toBeVisible();
      const first = await linking.code().textContent();

      await page.reload();
      await expect(linking.heading('Type this code on the phone')).toBeVisible();
      await expect(linking.code()).toHaveText(first ?? 'no first code');
      await expect(page.getByText(/This code expires in 2:[34]\d/)).toBeVisible();
      expect(calls).toHaveLength(1);

      // "Use another number" goes back to the number, as typed.
      await page.getByRole('button', { name: 'Use another number' }).click();
      await expect(page.getByLabel('Phone number with area code')).toHaveValue(/9\s?0000-?0020/);
    });

    test('a number that is not valid gets a field error and no code is asked', async ({ linking, page }) => {
      const calls = linking.recordCalls('pairing-code');
      await linking.open();
      await linking.chooseCode();
      await linking.submitNumber('11 8765-432');
      await expect(page.getByLabel('Phone number with area code')).toHaveAttribute('aria-invalid', 'true');
      await expect(page.getByText('Numbers in Brazil have 10 or 11 digits with the area code.')).toBeVisible();
      expect(calls).toEqual([]);
    });
  });
}

test.describe('pairing code through the proxy with Wawp, session not ready at first', () => {
  test.use({ serverEnv: { SIMULATED_PROVIDER: 'wawp' } });

  test('Wawp’s 422 is asked again by itself and the code follows', async ({ linking, page }) => {
    const calls = linking.recordCalls('pairing-code');
    await linking.open();
    await linking.chooseCode();
    await linking.submitNumber('11 90000-0021');
    await expect(linking.code()).toBeVisible();
    expect(calls.map((call) => call.status)).toEqual([409, 200]);
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
});

test.describe('in the demo build', () => {
  test.use({ target: 'demo' });

  test('a pairing code connects the simulated instance in the browser alone', async ({ linking, page }) => {
    await linking.open();
    await linking.chooseCode();
    await linking.submitNumber('11 98765-4321');
    await expect(linking.code()).toBeVisible();
    await expect(linking.heading('Connected')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByText('+55 11 98765-4321 is now connected to this instance.')).toBeVisible();
  });
});
