import type { Browser, BrowserContext, Page } from '@playwright/test';
import { journeySchema } from '../src/contract/journey';
import { expectNoAxeViolations } from './support/axe';
import { expect, forTargets, test } from './support/fixtures';
import type { RegistrationPage } from './support/registration-page';

/** The number owner's phone: a browser context of its own at 390×844, its problems collected. */
async function ownerPhone(browser: Browser, locale = 'en-US'): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return { context, page, problems };
}

async function codeStep(registration: RegistrationPage, national = '11 98765-4321'): Promise<void> {
  await registration.reachMethods(national);
  await registration.chooseMethod(/Text message \(SMS\)/);
  await expect(registration.heading('Enter the code')).toBeVisible();
}

async function createLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Create a link for the number’s owner' }).click();
  const field = page.getByLabel('Link for the number’s owner');
  await expect(field).toHaveValue(/#\/handoff\/[A-Za-z0-9_-]{22}$/);
  await expect(page.getByRole('img', { name: /QR code of the link/ })).toBeVisible();
  return field.inputValue();
}

forTargets(['proxy'], () => {
  test('a second browser opens the console at the code step, with the true countdown', async ({ registration, browser, consoleUrl }) => {
    await codeStep(registration);
    const first = await registration.countdownSeconds();
    const other = await browser.newContext();
    try {
      const page = await other.newPage();
      await page.goto(consoleUrl);
      await expect(page.getByRole('heading', { level: 2, name: 'Enter the code' })).toBeVisible();
      const shown = await registration.countdownSeconds(page.locator('body'));
      // The wait began in the first browser; the second shows what is left of it, not a fresh 60 s.
      expect(shown).toBeLessThanOrEqual(first);
      expect(shown).toBeGreaterThan(first - 15);
    } finally {
      await other.close();
    }
  });

  test('the owner types the code on their phone and the operator’s console moves on by itself', async ({ registration, page, browser }) => {
    await codeStep(registration);
    const link = await createLink(page);
    expect(link).toContain('/h/#/handoff/');
    const phone = await ownerPhone(browser);
    try {
      await phone.page.goto(link);
      await expect(phone.page.getByRole('heading', { level: 2, name: 'WhatsApp onboarding asks for the code WhatsApp sent you' })).toBeVisible();
      await expect(phone.page.getByText('Your number: +55 *********21')).toBeVisible();
      const field = phone.page.getByLabel('6-digit code');
      await expect(field).toHaveAttribute('autocomplete', 'one-time-code');
      await expect(page.getByText('The owner has opened the link.')).toBeVisible();
      const body = (await phone.page.content()) + (await phone.page.evaluate(() => JSON.stringify(sessionStorage) + JSON.stringify(localStorage)));
      expect(body).not.toContain('98765');

      await field.fill('123456');
      await expect(phone.page.getByText('WhatsApp for this number is now connected. You can close this page.')).toBeVisible();
      await expect(registration.heading('Connected')).toBeVisible({ timeout: 3_000 });
      await expect(page.getByText('The number’s owner typed it on their phone.')).toBeVisible();

      // What happened, newest first, says who typed it.
      await page.getByRole('button', { name: 'Show what happened' }).click();
      const events = page.getByRole('region', { name: 'What happened' }).getByRole('listitem');
      await expect(events.first()).toContainText('The number’s owner used the link.');
      await expect(events.filter({ hasText: 'The 6-digit code was entered: connected.' })).toContainText('By the number’s owner, through the link.');
      await expect(events.last()).toContainText('Checked whether +55 *********21 can be registered: it can.');

      // Used: a clear page, and nothing changes.
      await phone.page.reload();
      await expect(phone.page.getByRole('heading', { level: 2, name: 'This link has already been used' })).toBeVisible();
      expect(phone.problems).toEqual([]);
    } finally {
      await phone.context.close();
    }
  });

  test('a wrong code on the owner’s phone counts against the same limit as the operator’s', async ({ registration, page, browser, consoleUrl }) => {
    await codeStep(registration);
    const link = await createLink(page);
    const phone = await ownerPhone(browser);
    try {
      await phone.page.goto(link);
      await phone.page.getByLabel('6-digit code').fill('000000');
      await expect(phone.page.getByText('That is not the right code. You have 4 attempts left.')).toBeVisible();
      // The operator types a wrong one too: one shared count.
      await registration.enterCode('000001');
      // The console counts the owner's wrong code too: two of five are gone.
      await expect(page.getByText('Attempts left for this code: 3.')).toBeVisible();
      await phone.page.getByLabel('6-digit code').fill('000002');
      await expect(phone.page.getByText('That is not the right code. You have 2 attempts left.')).toBeVisible();
      const journey = journeySchema.parse(await (await fetch(`${consoleUrl}/api/v1/instance/journey`)).json());
      expect(journey).toMatchObject({ step: 'available', wrongCodes: 3 });
      expect(phone.problems).toEqual([]);
    } finally {
      await phone.context.close();
    }
  });

  test('a revoked link and a link whose step has passed show a clear page and change nothing', async ({ registration, page, browser, consoleUrl }) => {
    await codeStep(registration);
    const revoked = await createLink(page);
    await page.getByRole('button', { name: 'Revoke the link' }).click();
    await expect(page.getByText('The link was revoked; it no longer works.')).toBeVisible();
    const phone = await ownerPhone(browser);
    try {
      await phone.page.goto(revoked);
      await expect(phone.page.getByRole('heading', { level: 2, name: 'This link was cancelled' })).toBeVisible();
      await expect(phone.page.getByLabel('6-digit code')).toHaveCount(0);

      const passed = await createLink(page);
      await registration.enterCode('123456');
      await expect(registration.heading('Connected')).toBeVisible();
      await phone.page.goto('about:blank');
      await phone.page.goto(passed);
      await expect(phone.page.getByRole('heading', { level: 2, name: 'This link has expired' })).toBeVisible();
      const journey = journeySchema.parse(await (await fetch(`${consoleUrl}/api/v1/instance/journey`)).json());
      expect(journey).toMatchObject({ step: 'connected', lastEntry: { by: 'operator' } });
      await phone.page.goto('about:blank');
      await phone.page.goto(`${consoleUrl}/h/#/handoff/AAAAAAAAAAAAAAAAAAAAAA`);
      await expect(phone.page.getByRole('heading', { level: 2, name: 'This link does not work' })).toBeVisible();
      expect(phone.problems).toEqual([]);
    } finally {
      await phone.context.close();
    }
  });

  test('the PIN step (…05) is handed off the same way', async ({ registration, page, browser }) => {
    await codeStep(registration, '11 90000-0005');
    await registration.enterCode('123456');
    await expect(registration.heading('Enter the two-step PIN')).toBeVisible();
    const link = await createLink(page);
    const phone = await ownerPhone(browser);
    try {
      await phone.page.goto(link);
      await expect(phone.page.getByRole('heading', { level: 2, name: 'WhatsApp onboarding asks for your two-step PIN' })).toBeVisible();
      await expect(phone.page.getByRole('button', { name: 'I forgot the PIN' })).toBeVisible();
      await phone.page.getByLabel('Two-step PIN (6 digits)').fill('111111');
      await expect(phone.page.getByText('That is not the right PIN. You have 4 attempts left.')).toBeVisible();
      await phone.page.getByLabel('Two-step PIN (6 digits)').fill('246810');
      await expect(phone.page.getByText('WhatsApp for this number is now connected. You can close this page.')).toBeVisible();
      await expect(registration.heading('Connected')).toBeVisible({ timeout: 3_000 });
      await expect(page.getByText('The number’s owner typed it on their phone.')).toBeVisible();
      expect(phone.problems).toEqual([]);
    } finally {
      await phone.context.close();
    }
  });

  test('the owner’s page speaks the phone’s language, can switch, and axe finds nothing in any of the three', async ({ registration, page, browser }) => {
    await codeStep(registration);
    const link = await createLink(page);
    const headings = {
      'pt-BR': 'WhatsApp onboarding pede o código que o WhatsApp enviou para você',
      es: 'WhatsApp onboarding te pide el código que te envió WhatsApp',
      'en-US': 'WhatsApp onboarding asks for the code WhatsApp sent you',
    };
    const phone = await ownerPhone(browser, 'pt-BR');
    try {
      await phone.page.goto(link);
      await expect(phone.page.getByRole('heading', { level: 2, name: headings['pt-BR'] })).toBeVisible();
      await expect(phone.page.locator('html')).toHaveAttribute('lang', 'pt-BR');
      await expectNoAxeViolations(phone.page, 'owner page in pt-BR');
      await phone.page.getByLabel('Idioma').selectOption('es');
      await expect(phone.page.getByRole('heading', { level: 2, name: headings.es })).toBeVisible();
      await expectNoAxeViolations(phone.page, 'owner page in es');
      await phone.page.getByLabel('Idioma').selectOption('en');
      await expect(phone.page.getByRole('heading', { level: 2, name: headings['en-US'] })).toBeVisible();
      await expectNoAxeViolations(phone.page, 'owner page in en');
      await phone.page.emulateMedia({ colorScheme: 'dark' });
      await expectNoAxeViolations(phone.page, 'owner page in en, dark');
      await phone.page.getByLabel('6-digit code').fill('000000');
      await expect(phone.page.getByRole('alert')).toBeVisible();
      await expectNoAxeViolations(phone.page, 'owner page after a wrong code');
      expect(phone.problems).toEqual([]);
    } finally {
      await phone.context.close();
    }
  });
});

/**
 * The demo keeps the journey in the operator's page, so the owner's page opens in another tab of
 * the same browser (at 390×844) and reaches it over a same-origin channel.
 */
async function ownerTab(page: Page): Promise<{ page: Page; problems: string[] }> {
  const tab = await page.context().newPage();
  await tab.setViewportSize({ width: 390, height: 844 });
  const problems: string[] = [];
  tab.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(message.text());
  });
  tab.on('pageerror', (error) => problems.push(error.message));
  return { page: tab, problems };
}

forTargets(['demo'], () => {
  test('the owner types the code in the demo and the operator’s console moves on by itself', async ({ registration, page }) => {
    await codeStep(registration);
    const link = await createLink(page);
    expect(link).toContain('#/handoff/');
    const owner = await ownerTab(page);
    await owner.page.goto(link);
    await expect(owner.page.getByText('Your number: +55 *********21')).toBeVisible();
    await owner.page.getByLabel('6-digit code').fill('000000');
    await expect(owner.page.getByText('That is not the right code. You have 4 attempts left.')).toBeVisible();
    await expect(page.getByText('Attempts left for this code: 4.')).toBeVisible();
    await owner.page.getByLabel('6-digit code').fill('123456');
    await expect(owner.page.getByText('WhatsApp for this number is now connected. You can close this page.')).toBeVisible();
    await expect(registration.heading('Connected')).toBeVisible({ timeout: 3_000 });
    await expect(page.getByText('The number’s owner typed it on their phone.')).toBeVisible();
    await owner.page.reload();
    await expect(owner.page.getByRole('heading', { level: 2, name: 'This link has already been used' })).toBeVisible();
    expect(owner.problems).toEqual([]);
  });

  test('the PIN step (…05) and a revoked link in the demo', async ({ registration, page }) => {
    await codeStep(registration, '11 90000-0005');
    await registration.enterCode('123456');
    await expect(registration.heading('Enter the two-step PIN')).toBeVisible();
    const revoked = await createLink(page);
    await page.getByRole('button', { name: 'Revoke the link' }).click();
    const owner = await ownerTab(page);
    await owner.page.goto(revoked);
    await expect(owner.page.getByRole('heading', { level: 2, name: 'This link was cancelled' })).toBeVisible();
    const link = await createLink(page);
    await owner.page.goto('about:blank');
    await owner.page.goto(link);
    await owner.page.getByLabel('Two-step PIN (6 digits)').fill('246810');
    await expect(owner.page.getByText('WhatsApp for this number is now connected. You can close this page.')).toBeVisible();
    await expect(registration.heading('Connected')).toBeVisible({ timeout: 3_000 });
    expect(owner.problems).toEqual([]);
  });
});
