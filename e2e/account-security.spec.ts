import { expectNoAxeViolations } from './support/axe';
import { expect, forTargets, test } from './support/account-fixtures';

forTargets(['proxy', 'demo'], () => {
  test('an operator connects a number, then sets and verifies its recovery e-mail', async ({ registration, account, page }) => {
    // The whole journey and three axe passes: more than the default budget on a busy machine.
    test.slow();
    await registration.open();
    await registration.submitNumber('11 98765-4321');
    await registration.chooseMethod(/Text message \(SMS\)/);
    await registration.enterCode('123456');
    await expect(registration.heading('Connected')).toBeVisible();
    await expect(page.getByText('Instance status: Connected')).toBeVisible();
    await expect(page.getByRole('definition').getByText('+55 11 98765-4321', { exact: true })).toBeVisible();
    await expectNoAxeViolations(page, 'connected with device data');

    await account.openSecurity();
    await expect(account.email.getByText(/No e-mail yet/)).toBeVisible();
    await expect(account.pin.getByText(/No PIN is set/)).toBeVisible();
    await expectNoAxeViolations(page, 'account security, nothing set');

    await account.setEmail('ana@example.com');
    await expect(account.email.getByText('WhatsApp sent a code to ana@example.com.')).toBeVisible();
    await expectNoAxeViolations(page, 'e-mail waiting for verification');
    await account.enterVerificationCode('135790');
    await expect(account.email.getByText('ana@example.com is the recovery e-mail and it is verified.')).toBeVisible();
  });

  test('an operator sets a two-step PIN typed twice, then removes it after a warning', async ({ registration, account, page }) => {
    await registration.open();
    await registration.submitNumber('11 98765-4321');
    await registration.chooseMethod(/Voice call/);
    await registration.enterCode('123456');
    await account.openSecurity();

    await account.setPin('482915', '482951');
    await expect(account.pin.getByText('The two PINs are not the same. Type them again.')).toBeVisible();
    await expect(account.pin.getByLabel('Type the PIN again')).toBeFocused();
    await account.pin.getByLabel('Type the PIN again').fill('482915');
    await account.pin.getByRole('button', { name: 'Save the PIN' }).click();
    await expect(account.pin.getByText('The PIN is saved.')).toBeVisible();
    await expect(account.pin.getByText(/A PIN is set/)).toBeVisible();

    await account.pin.getByRole('button', { name: 'Remove the PIN' }).click();
    const confirmation = account.pin.getByRole('group', { name: 'Remove the two-step PIN?' });
    await expect(confirmation).toBeFocused();
    await expect(confirmation).toContainText('anyone who receives this number’s registration code');
    await expectNoAxeViolations(page, 'PIN removal confirmation');
    await confirmation.getByRole('button', { name: 'Remove the PIN' }).click();
    await expect(account.pin.getByText('The PIN was removed.')).toBeVisible();
    await expect(account.pin.getByText(/No PIN is set/)).toBeVisible();
  });
});

test.describe('through the proxy, on an instance connected before the page opens', () => {
  test.use({ target: 'proxy' });

  test('a console opened on an already connected instance shows its status and device, not the phone step', async ({
    alreadyConnected: account,
    page,
  }) => {
    await account.openConnected();
    await expect(page.getByRole('heading', { level: 2, name: 'Connected' })).toBeFocused();
    await expect(page.getByText('This instance already has a connected number.')).toBeVisible();
    await expect(page.getByText('Instance status: Connected')).toBeVisible();
    await expect(page.getByText('+55 11 98765-4321', { exact: true })).toBeVisible();
    await expect(page.getByText('Simulated account')).toBeVisible();
  });

  test('a wrong verification code says so on the field, and a new code can be sent', async ({ alreadyConnected: account }) => {
    await account.openConnected();
    await account.openSecurity();
    await account.setEmail('ana@example.com');
    await account.enterVerificationCode('000000');
    const code = account.email.getByLabel('Code from the e-mail');
    await expect(account.email.getByText(/That code is not right, or it has expired/)).toBeVisible();
    await expect(code).toHaveAttribute('aria-invalid', 'true');
    await expect(code).toBeFocused();
    await expect(account.email.getByText(/is the recovery e-mail and it is verified/)).toHaveCount(0);

    await account.email.getByRole('button', { name: 'Send the code again' }).click();
    await expect(account.email.getByText('A new code was sent to ana@example.com.')).toBeVisible();
    await account.enterVerificationCode('135790');
    await expect(account.email.getByText('The e-mail is verified.')).toBeVisible();
  });

  test('an invalid address is refused on the field, by the console first and then by WhatsApp', async ({ alreadyConnected: account, page }) => {
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes('/api/v1/account/email')) sent.push(request.url());
    });
    await account.openConnected();
    await account.openSecurity();
    const field = account.email.getByLabel('E-mail address');

    await account.setEmail('ana at example.com');
    await expect(account.email.getByText(/This is not an e-mail address/)).toBeVisible();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toBeFocused();
    expect(sent).toEqual([]);
    await expectNoAxeViolations(page, 'e-mail refused on the field');

    await account.setEmail('ana@example');
    await expect(account.email.getByText('WhatsApp did not accept this address. Check it, or use another one.')).toBeVisible();
    await expect(field).toHaveValue('ana@example');
    expect(sent).toHaveLength(1);
  });

  test('removing the e-mail warns that PIN recovery needs it, and can be kept', async ({ alreadyConnected: account, page }) => {
    await account.openConnected();
    await account.openSecurity();
    await account.setEmail('ana@example.com');
    await account.enterVerificationCode('135790');
    await expect(account.email.getByText('The e-mail is verified.')).toBeVisible();

    await account.email.getByRole('button', { name: 'Remove the e-mail' }).click();
    const confirmation = account.email.getByRole('group', { name: 'Remove ana@example.com from the account?' });
    await expect(confirmation).toBeFocused();
    await expect(confirmation).toContainText('Without an e-mail, a forgotten PIN cannot be recovered');
    await confirmation.getByRole('button', { name: 'Keep it' }).click();
    await expect(page.getByRole('heading', { level: 3, name: 'Recovery e-mail' })).toBeFocused();
    await expect(account.email.getByText('ana@example.com is the recovery e-mail and it is verified.')).toBeVisible();

    await account.email.getByRole('button', { name: 'Remove the e-mail' }).click();
    await confirmation.getByRole('button', { name: 'Remove the e-mail' }).click();
    await expect(account.email.getByText('The e-mail was removed.')).toBeVisible();
    await expect(account.email.getByText(/No e-mail yet/)).toBeVisible();
    await page.reload();
    await account.openSecurity();
    await expect(account.email.getByText(/No e-mail yet/)).toBeVisible();
  });

  const languages = [
    { lang: 'en', security: 'Account security: e-mail and PIN', pin: 'New 6-digit PIN', repeat: 'Type the PIN again', save: 'Save the PIN', remove: 'Remove the PIN' },
    { lang: 'pt-BR', security: 'Segurança da conta: e-mail e PIN', pin: 'Novo PIN de 6 dígitos', repeat: 'Digite o PIN de novo', save: 'Salvar o PIN', remove: 'Remover o PIN' },
    { lang: 'es', security: 'Seguridad de la cuenta: correo y PIN', pin: 'PIN nuevo de 6 dígitos', repeat: 'Escribe el PIN otra vez', save: 'Guardar el PIN', remove: 'Quitar el PIN' },
  ];
  for (const labels of languages) {
    test(`axe finds nothing on the connected and account-security screens in ${labels.lang}`, async ({ alreadyConnected: account, page }) => {
      // Three axe passes: more than the default budget on a busy machine.
      test.slow();
      await account.openConnected(`?lang=${labels.lang}`);
      await expect(page.locator('html')).toHaveAttribute('lang', labels.lang);
      await expectNoAxeViolations(page, `connected (${labels.lang})`);

      await account.openSecurity(labels.security);
      const pin = page.getByLabel(labels.pin);
      const repeat = page.getByLabel(labels.repeat);
      await page.getByRole('button', { name: labels.save }).click();
      await expect(pin).toHaveAttribute('aria-invalid', 'true');
      await expect(repeat).toHaveAttribute('aria-invalid', 'true');
      await expectNoAxeViolations(page, `account security with field errors (${labels.lang})`);

      await pin.fill('482915');
      await repeat.fill('482915');
      await page.getByRole('button', { name: labels.save }).click();
      await page.getByRole('button', { name: labels.remove }).click();
      await expect(page.getByRole('group')).toBeFocused();
      await expectNoAxeViolations(page, `PIN removal confirmation (${labels.lang})`);
    });
  }
});
