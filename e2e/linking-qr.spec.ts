import { expectNoAxeViolations } from './support/axe';
import { expect, providers, test } from './support/linking-fixtures';

for (const provider of providers) {
  test.describe(`QR through the proxy with ${provider.name}`, () => {
    test.describe('a phone that scans', () => {
      test.use({ serverEnv: provider.env });

      test('the QR is replaced after 20 s and the second one connects the instance', async ({ linking, page }) => {
        await page.clock.install();
        const calls = linking.recordCalls('qr-code');
        await linking.open();
        await linking.chooseQr();
        await expect(page.getByText('QR 1 of 3')).toBeVisible();
        await expect(linking.qrImage()).toBeVisible();
        const first = await linking.qrImage().getAttribute('src');
        await expectNoAxeViolations(page, 'QR');

        await page.clock.fastForward(21_000);
        await expect(page.getByText('QR 2 of 3')).toBeVisible();
        await expect(linking.qrImage()).toBeVisible();
        expect(await linking.qrImage().getAttribute('src')).not.toBe(first);
        expect(calls).toHaveLength(2);

        // The simulated phone scans the second QR 2 s after it was shown.
        await expect(linking.heading('Connected')).toBeVisible({ timeout: 15_000 });
        // It was linked just now: not the sentence of a console opened on a connected instance.
        await expect(page.getByText('This instance is now linked to the phone.')).toBeVisible();
        await expect(page.getByText('This instance already has a connected number.')).toHaveCount(0);
      });
    });

    test.describe('a phone that never scans', () => {
      test.use({ serverEnv: { ...provider.env, SIMULATED_QR: 'never-scanned' } });

      test('three QR codes, then it stops and a new QR starts again at 1 of 3', async ({ linking, page }) => {
        await page.clock.install();
        const calls = linking.recordCalls('qr-code');
        await linking.open();
        await linking.chooseQr();
        await expect(page.getByText('QR 1 of 3')).toBeVisible();
        await expect(linking.qrImage()).toBeVisible();
        await page.clock.fastForward(21_000);
        await expect(page.getByText('QR 2 of 3')).toBeVisible();
        await expect(linking.qrImage()).toBeVisible();
        await page.clock.fastForward(21_000);
        await expect(page.getByText('QR 3 of 3')).toBeVisible();
        await expect(linking.qrImage()).toBeVisible();

        await page.clock.fastForward(21_000);
        await expect(page.getByText(/The last three QR codes were not scanned/)).toBeVisible();
        await expect(linking.qrImage()).toHaveCount(0);
        // Nothing to scan: the heading says the codes stopped, not "Scan this QR code".
        await expect(linking.heading('The QR codes stopped')).toBeVisible();
        await expect(linking.heading('Scan this QR code with the phone')).toHaveCount(0);
        expect(calls).toHaveLength(3);
        await expectNoAxeViolations(page, 'QR stopped after three');

        await page.getByRole('button', { name: 'New QR code' }).click();
        await expect(page.getByText('QR 1 of 3')).toBeVisible();
        await expect(linking.qrImage()).toBeVisible();
        expect(calls).toHaveLength(4);
      });
    });
  });
}
