import { mkdirSync } from 'node:fs';
import { captchaPngBase64 } from '../src/fake-provider/captcha-image';
import { STORAGE_KEY } from '../src/flow/persistence';
import type { CodeContext, FlowState } from '../src/flow/state';
import { expect, forTargets, test, type Page } from './support/fixtures';

/**
 * The main screens, desktop and phone, light and dark: compared with their baselines
 * (`toHaveScreenshot`, so every change of look is deliberate) and, with SCREENSHOTS_DIR set
 * (`npm run screenshots`), written there as PNGs for the README.
 *
 * Stable pictures: the page clock is fixed, animations are off, and what changes on every run
 * (the pairing code, the QR image) is masked.
 */
const FIXED_TIME = new Date('2026-12-01T12:00:00Z').getTime();
const phone = { ddi: '55', phone: '11987654321' };
const outDir = process.env.SCREENSHOTS_DIR;

const viewports = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;

function code(now: number, overrides: Partial<CodeContext> = {}): CodeContext {
  return {
    deadlines: { sms: now + 46_000, voice: now + 90_000, wa_old: null },
    waOldEligible: false,
    resendAt: now + 46_000,
    sentMethod: 'sms',
    wrongCodes: 0,
    ...overrides,
  };
}

/** Screens of the journey put in place the way a reload finds them. */
function journeyScreens(now: number): Array<[string, FlowState]> {
  const image = `data:image/png;base64,${captchaPngBase64('428517', 1)}`;
  return [
    ['method-waits', { step: 'choosingMethod', phone, code: code(now), notice: null, error: null }],
    ['code', { step: 'awaitingCode', phone, code: code(now), notice: null, error: null }],
    ['captcha', { step: 'solvingCaptcha', phone, code: code(now), method: 'sms', image, notice: null, error: null }],
    ['pin', { step: 'awaitingPin', phone, notice: null, error: null }],
    ['transfer', { step: 'awaitingTransfer', phone, notice: null, error: null }],
    ['banned', { step: 'bannedAppealable', phone, notice: null, error: null }],
    ['blocked', { step: 'blockedNoAppeal', phone }],
    ['not-available', { step: 'unavailable', phone, reason: 'too_many', retryAt: now + 120_000 }],
    ['outage', { step: 'phoneEntry', phone, error: { code: 'UPSTREAM_UNAVAILABLE' } }],
  ];
}

async function capture(page: Page, name: string, variant: string, mask: ReturnType<Page['locator']>[] = []): Promise<void> {
  // The caret and focus ring of a freshly focused heading are not part of the look.
  await page.evaluate(() => (document.activeElement instanceof HTMLElement ? document.activeElement.blur() : undefined));
  await expect(page).toHaveScreenshot(`${name}-${variant}.png`, { fullPage: true, animations: 'disabled', mask, maxDiffPixelRatio: 0.01 });
  if (outDir) {
    mkdirSync(outDir, { recursive: true });
    // The pictures for people show the real QR and code; only the baselines mask them.
    await page.screenshot({ path: `${outDir}/${name}-${variant}.png`, fullPage: true, animations: 'disabled' });
  }
}

async function showStep(page: Page, state: FlowState): Promise<void> {
  await page.evaluate(([key, value]) => window.sessionStorage.setItem(key, value), [STORAGE_KEY, JSON.stringify({ v: 1, state })] as const);
  await page.reload();
  const heading = page.getByRole('heading', { level: 2 });
  await expect(heading).toBeFocused();
  // The console focuses the heading of a new step for screen readers; that is no reason for a ring.
  await expect(heading).toHaveCSS('outline-style', 'none');
  // A fresh phone step opens on the first choice, which has no journey parts below it.
  if (state.step !== 'phoneEntry') await lazyPartsShown(page);
}

/** "What happened" (and, on the code and PIN steps, the hand-off panel) arrive in chunks of their own. */
async function lazyPartsShown(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 3, name: 'What happened' })).toBeVisible();
  const step = await page.evaluate((key) => window.sessionStorage.getItem(key) ?? '', STORAGE_KEY);
  if (/"step":"(awaitingCode|awaitingPin)"/.test(step)) {
    await expect(page.getByRole('heading', { level: 3, name: /someone else/i })).toBeVisible();
  }
}

forTargets(['demo'], () => {
  for (const [size, viewport] of Object.entries(viewports)) {
    for (const colorScheme of ['light', 'dark'] as const) {
      const variant = `${size}-${colorScheme}`;
      test.describe(variant, () => {
        test.use({ viewport, colorScheme });

        test(`the main screens look as their baselines (${variant})`, async ({ page, consoleUrl }) => {
          test.slow();
          await page.clock.setFixedTime(FIXED_TIME);
          await page.goto(`${consoleUrl}?lang=en`);
          await expect(page.getByRole('heading', { level: 2, name: 'How will this instance use the number?' })).toBeVisible();
          await capture(page, 'first-choice', variant);
          await page.getByRole('button', { name: /^Register the number here/ }).click();
          await expect(page.getByRole('heading', { level: 2, name: 'Which number do you want to connect?' })).toBeFocused();
          await lazyPartsShown(page);
          await capture(page, 'phone', variant);

          for (const [name, state] of journeyScreens(FIXED_TIME)) {
            await showStep(page, state);
            await capture(page, name, variant);
          }

          // Connected and account security, reached for real through the demo's simulated provider, from
          // a new tab's start (a reload would return to registering, where the tab was).
          await page.evaluate(() => window.sessionStorage.clear());
          await showStep(page, { step: 'phoneEntry', phone: null, error: null });
          await page.getByRole('button', { name: /^Register the number here/ }).click();
          await page.getByLabel('Phone number with area code').fill('11987654321');
          await page.getByRole('button', { name: 'Check the number' }).click();
          await page.getByRole('button', { name: /^Text message/ }).click();
          await page.getByLabel('6-digit code').fill('123456');
          await expect(page.getByRole('heading', { level: 2, name: 'Connected' })).toBeFocused();
          await expect(page.getByRole('button', { name: 'Account security: e-mail and PIN' })).toBeVisible();
          await capture(page, 'connected', variant);
          await page.getByRole('button', { name: 'Account security: e-mail and PIN' }).click();
          await expect(page.getByRole('region', { name: 'Two-step PIN' })).toBeVisible();
          await capture(page, 'account-security', variant);
        });

        test(`the linking screens look as their baselines (${variant})`, async ({ page, consoleUrl }) => {
          await page.clock.setFixedTime(FIXED_TIME);
          await page.goto(`${consoleUrl}?lang=en`);
          await page.getByRole('button', { name: /^Link to the phone that has WhatsApp/ }).click();
          await page.getByRole('button', { name: /^With a QR code scanned by the phone/ }).click();
          const qr = page.getByRole('img', { name: 'QR code that links this instance to WhatsApp' });
          await expect(qr).toBeVisible();
          await capture(page, 'qr', variant, [qr]);
          await page.getByRole('button', { name: /Back/ }).first().click();
          await page.getByRole('button', { name: /^With a code typed on the phone/ }).click();
          await page.getByLabel('Phone number with area code').fill('11987654321');
          await page.getByRole('button', { name: 'Get the code' }).click();
          const pairing = page.getByText(/^[1-9A-HJ-NP-TV-Z]{4}-[1-9A-HJ-NP-TV-Z]{4}$/);
          await expect(pairing).toBeVisible();
          await capture(page, 'pairing-code', variant, [pairing]);
        });
      });
    }
  }
});
