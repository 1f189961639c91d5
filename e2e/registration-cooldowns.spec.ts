import { expect, forTargets, test, type Page } from './support/fixtures';
import type { RegistrationPage } from './support/registration-page';

/**
 * Opens the console and stops the page's clock before the number is checked: every wait the page stores from
 * then on is an exact deadline on a clock that moves only when the test moves it, so the countdowns read
 * below are exact, however loaded the machine is. (The pause lands a few seconds ahead, so it is never in the
 * clock's past by the time it applies.)
 */
async function openWithStoppedClock(registration: RegistrationPage, page: Page): Promise<void> {
  await page.clock.install();
  await registration.open();
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 5_000);
}

forTargets(['proxy', 'demo'], (target) => {
  test('…07: each method has its own wait, the pop-up says what it needs, and the waits run down', async ({ registration, page }) => {
    await openWithStoppedClock(registration, page);
    await registration.submitNumber('11 90000-0007');
    await expect(registration.heading('How should WhatsApp send the code?')).toBeVisible();
    const sms = registration.method(/Text message \(SMS\)/);
    const voice = registration.method(/Voice call/);
    const popUp = registration.method(/Pop-up on the phone/);
    await expect(sms).toBeDisabled();
    await expect(sms).toHaveAccessibleDescription('Available in 1:30');
    await expect(voice).toHaveAccessibleDescription('Available in 0:30');
    await expect(popUp).toBeDisabled();
    // Disabled, and says why.
    await expect(popUp).toHaveAccessibleDescription(
      'Not offered for this number: WhatsApp sends the pop-up only when it knows the phone that has the number now.',
    );

    await page.clock.runFor(31_000);
    await expect(voice).toBeEnabled();
    await expect(voice).toHaveAccessibleDescription('Available now');
    await expect(sms).toHaveAccessibleDescription('Available in 0:59');

    // The browser's clock moved 31 s; through the proxy the provider's own clock did not, so only
    // the demo (whose simulated provider runs in the page) can take the voice call now.
    if (target !== 'demo') return;
    await registration.chooseMethod(/Voice call/);
    await expect(registration.heading('Enter the code')).toBeVisible();
    await expect(page.getByText('Enter the 6-digit code sent by voice call to')).toBeVisible();
    await expect(page.getByRole('button', { name: 'change number +55 11 90000-0007' })).toBeVisible();
  });

  test('after a code, every method waits for the resend time, and screen readers hear only thresholds', async ({
    registration,
    page,
  }) => {
    await openWithStoppedClock(registration, page);
    await registration.submitNumber('11 98765-4321');
    await registration.chooseMethod(/Text message \(SMS\)/);
    await expect(registration.heading('Enter the code')).toBeVisible();
    const announcer = page.getByRole('status').filter({ hasText: /new code/ });
    await expect(announcer).toHaveText('A new code can be asked for in 1:00.');
    await page.clock.runFor(15_000);
    // Between thresholds the live text does not change, so nothing new is read out.
    await expect(announcer).toHaveText('A new code can be asked for in 1:00.');
    await page.clock.runFor(16_000);
    await expect(announcer).toHaveText('A new code can be asked for in 0:30.');

    // During the wait no new code is offered (it would lead to a picker of greyed-out methods): the link says when.
    const resend = page.getByRole('button', { name: /^New code in / });
    await expect(resend).toHaveText('New code in 0:29');
    await expect(resend).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Ask for a new code' })).toHaveCount(0);
    await page.clock.runFor(30_000);
    await expect(page.getByRole('status').filter({ hasText: 'You can ask for a new code now.' })).toHaveCount(1);
    await page.getByRole('button', { name: 'Ask for a new code' }).click();
    await expect(registration.heading('How should WhatsApp send the code?')).toBeVisible();
    await expect(registration.method(/Voice call/)).toBeEnabled();
  });
});
