import { captchaPngBase64 } from '../src/fake-provider/captcha-image';
import { STORAGE_KEY } from '../src/flow/persistence';
import type { CodeContext, FlowState } from '../src/flow/state';
import { expectNoAxeViolations } from './support/axe';
import { expect, forTargets, test, type Page } from './support/fixtures';

/**
 * Every screen of the journey, with its notices and errors, in each language. The steps are put in
 * place the way a reload finds them (the saved journey in sessionStorage), so each screen is
 * reached without depending on English labels; the branch specs walk the same screens for real.
 */
const phone = { ddi: '55', phone: '11900000005' };

function code(now: number, overrides: Partial<CodeContext> = {}): CodeContext {
  return {
    deadlines: { sms: now + 90_000, voice: null, wa_old: now },
    waOldEligible: false,
    resendAt: now + 45_000,
    sentMethod: 'sms',
    wrongCodes: 2,
    ...overrides,
  };
}

function screens(now: number): Array<[string, FlowState]> {
  const image = `data:image/png;base64,${captchaPngBase64('428517', 1)}`;
  return [
    ['phone entry with an error', { step: 'phoneEntry', phone, error: { code: 'PROVIDER_ERROR' } }],
    ['method choice with every kind of wait', { step: 'choosingMethod', phone, code: code(now), notice: 'code-not-sent', error: { code: 'RATE_LIMITED', retryAfterSeconds: 30 } }],
    ['code entry after a wrong code', { step: 'awaitingCode', phone, code: code(now), notice: 'wrong-code', error: null }],
    ['code entry after five wrong codes', { step: 'awaitingCode', phone, code: code(now, { wrongCodes: 5 }), notice: 'too-many-wrong-codes', error: null }],
    ['unknown outcome', { step: 'codeOutcomeUnknown', phone, code: code(now), method: 'voice', error: { code: 'NETWORK' } }],
    ['captcha after a wrong answer', { step: 'solvingCaptcha', phone, code: code(now), method: 'sms', image, notice: 'captcha-wrong', error: null }],
    ['PIN after a wrong PIN', { step: 'awaitingPin', phone, notice: 'wrong-pin', error: null }],
    ['PIN after the recovery e-mail', { step: 'awaitingPin', phone, notice: 'recovery-sent', error: { code: 'PROVIDER_REJECTED' } }],
    ['PIN with no recovery e-mail', { step: 'awaitingPin', phone, notice: 'recovery-no-email', error: null }],
    ['transfer not accepted yet', { step: 'awaitingTransfer', phone, notice: 'not-accepted-yet', error: null }],
    ['banned, appeal rejected', { step: 'bannedAppealable', phone, notice: 'appeal-rejected', error: { code: 'UPSTREAM_TIMEOUT' } }],
    ['appeal in review', { step: 'appealInReview', phone }],
    ['unbanned', { step: 'unbanned', phone }],
    ['blocked', { step: 'blockedNoAppeal', phone }],
    ['not available, retry later', { step: 'unavailable', phone, reason: 'too_many', retryAt: now + 120_000 }],
  ];
}

async function showStep(page: Page, state: FlowState): Promise<void> {
  await page.evaluate(([key, value]) => window.sessionStorage.setItem(key, value), [STORAGE_KEY, JSON.stringify({ v: 1, state })] as const);
  await page.reload();
  await expect(page.getByRole('heading', { level: 2 })).toBeFocused();
}

forTargets(['demo'], () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    test.describe(`${colorScheme} scheme`, () => {
      test.use({ colorScheme });
      for (const lang of ['pt-BR', 'en', 'es'] as const) {
        for (const half of [0, 1]) {
          test(`axe finds nothing on the journey's screens in ${lang}, ${colorScheme} (part ${String(half + 1)})`, async ({ page, consoleUrl }) => {
            test.slow();
            await page.goto(`${consoleUrl}?lang=${lang}`);
            await expect(page.locator('html')).toHaveAttribute('lang', lang);
            const all = screens(Date.now());
            const mine = all.filter((_, index) => index % 2 === half);
            for (const [label, state] of mine) {
              await showStep(page, state);
              await expectNoAxeViolations(page, `${label} (${lang}, ${colorScheme})`);
            }
          });
        }
      }
    });
  }
});
