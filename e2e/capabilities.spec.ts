import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/linking-fixtures';

test.describe('what a Wawp instance offers, through the proxy', () => {
  test.use({ serverEnv: { SIMULATED_PROVIDER: 'wawp' } });

  test('the first screen offers linking only, says why, and leads to the linking choice', async ({ linking, page }) => {
    const asked: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path === '/api/v1/instance/capabilities') asked.push(path);
    });
    await page.goto(linking.url);
    await expect(linking.heading('How will this instance use the number?')).toBeFocused();
    await expect(page.getByText('This instance links to the phone that has WhatsApp: its provider cannot register the number here.')).toBeVisible();
    await expect(page.getByRole('button', { name: /^Register the number here/ })).toHaveCount(0);
    await expectNoAxeViolations(page, 'first screen of a Wawp instance');
    expect(asked).toHaveLength(1);

    await page.getByRole('button', { name: /^Link to the phone that has WhatsApp/ }).click();
    await expect(linking.heading('How will the phone link this instance?')).toBeFocused();
    await page.getByRole('button', { name: 'Back' }).click();
    await expect(linking.heading('How will this instance use the number?')).toBeFocused();
    await expect(page.getByRole('button', { name: /^Register the number here/ })).toHaveCount(0);
    // The answer is kept: going back does not ask again.
    expect(asked).toHaveLength(1);
  });
});
