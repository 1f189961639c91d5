import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/linking-fixtures';
import { PAIRING_CODE } from './support/linking-page';

const languages = [
  { lang: 'en', link: /^Link to the phone that has WhatsApp/, byCode: /^With a code/, byQr: /^With a QR code/, submit: 'Get the code', step3: 'Tap Link a device, then Link with phone number instead.', qr: 'QR 1 of 3' },
  { lang: 'pt-BR', link: /^Conectar ao celular que tem o WhatsApp/, byCode: /^Com um código/, byQr: /^Com um QR code/, submit: 'Gerar o código', step3: 'Toque em Conectar dispositivo e depois em Conectar com número de telefone.', qr: 'QR 1 de 3' },
  { lang: 'es', link: /^Vincular al teléfono que tiene WhatsApp/, byCode: /^Con un código escrito/, byQr: /^Con un código QR/, submit: 'Obtener el código', step3: 'Toca Vincular un dispositivo y luego Vincular con el número de teléfono.', qr: 'QR 1 de 3' },
] as const;

for (const labels of languages) {
  test(`the linking screens read in ${labels.lang} and axe finds nothing on them`, async ({ linking, page }) => {
    test.slow();
    await page.goto(`${linking.url}?lang=${labels.lang}`);
    await expect(page.locator('html')).toHaveAttribute('lang', labels.lang);
    await expectNoAxeViolations(page, `first screen (${labels.lang})`);
    await page.getByRole('button', { name: labels.link }).click();
    await page.getByRole('button', { name: labels.byCode }).click();
    // The number field keeps its place whatever the language; the label is the registration step's.
    await page.getByRole('textbox').fill('11 90000-0020');
    await page.getByRole('button', { name: labels.submit }).click();
    await expect(page.getByText(PAIRING_CODE)).toBeVisible();
    await expect(page.getByText(labels.step3)).toBeVisible();
    await expectNoAxeViolations(page, `pairing code (${labels.lang})`);

    // A reload would return to the live code (the tab keeps where linking is); a new tab starts afresh.
    await page.evaluate(() => sessionStorage.clear());
    await page.goto(`${linking.url}?lang=${labels.lang}`);
    await page.getByRole('button', { name: labels.link }).click();
    await page.getByRole('button', { name: labels.byQr }).click();
    await expect(page.getByText(labels.qr)).toBeVisible();
    await expect(page.getByRole('img')).toBeVisible();
    await expectNoAxeViolations(page, `QR (${labels.lang})`);
  });
}

test('the whole code path works from the keyboard alone', async ({ linking, page }) => {
  await page.goto(linking.url);
  const link = page.getByRole('button', { name: /^Link to the phone that has WhatsApp/ });
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(linking.heading('How will the phone link this instance?')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: /^With a code typed on the phone/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(linking.heading('Which number has WhatsApp?')).toBeFocused();
  await page.getByLabel('Phone number with area code').focus();
  await page.keyboard.type('11 90000-0020');
  await page.keyboard.press('Enter');
  await expect(linking.heading('Type this code on the phone')).toBeFocused();
  await expect(linking.code()).toBeVisible();
});
