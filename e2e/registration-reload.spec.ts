import type { RegistrationPage } from './support/registration-page';
import { expect, forTargets, test, type Page } from './support/fixtures';

const T0 = Date.UTC(2026, 10, 23, 12, 0, 0);
/** Browser time that passes between reaching a step and reloading it. */
const ELAPSED_MS = 20_000;

interface Case {
  step: string;
  heading: string;
  reach: (registration: RegistrationPage, page: Page) => Promise<void>;
  /** The wait shown on the step when it was reached, if it shows one. */
  waitSeconds?: number;
  /** Needs page.route on the API, which the demo's service worker answers before the page sees it. */
  proxyOnly?: boolean;
}

const cases: Case[] = [
  {
    step: 'method choice with per-method waits (…07)',
    heading: 'How should WhatsApp send the code?',
    reach: (registration) => methods(registration, '11 90000-0007'),
    waitSeconds: 90,
  },
  {
    step: 'code entry after an SMS',
    heading: 'Enter the code',
    reach: (registration) => codeEntry(registration, '11 98765-4321'),
    waitSeconds: 60,
  },
  {
    step: 'captcha (…01)',
    heading: 'Type the characters in the image',
    reach: async (registration) => {
      await methods(registration, '11 90000-0001');
      await registration.chooseMethod(/Text message \(SMS\)/);
      await expect(registration.captchaImage).toBeVisible();
    },
  },
  {
    step: 'two-step PIN (…05)',
    heading: 'Enter the two-step PIN',
    reach: async (registration) => {
      await codeEntry(registration, '11 90000-0005');
      await registration.enterCode('123456');
      await expect(registration.pinField).toBeVisible();
    },
  },
  {
    step: 'device transfer (…06)',
    heading: 'Allow the move on the old phone',
    reach: async (registration) => {
      await codeEntry(registration, '11 90000-0006');
      await registration.enterCode('123456');
      await expect(registration.heading('Allow the move on the old phone')).toBeVisible();
    },
  },
  {
    step: 'banned with an appeal (…02)',
    heading: 'WhatsApp has banned this number',
    reach: async (registration) => {
      await registration.submitNumber('11 90000-0002');
      await expect(registration.heading('WhatsApp has banned this number')).toBeVisible();
    },
  },
  {
    step: 'not available (…09)',
    heading: 'This number cannot be registered right now',
    reach: async (registration) => {
      await registration.submitNumber('11 90000-0009');
      await expect(registration.heading('This number cannot be registered right now')).toBeVisible();
    },
  },
  {
    step: 'unknown outcome of a code request',
    heading: 'The code may have been sent',
    reach: async (registration, page) => {
      await methods(registration, '11 98765-4321');
      await page.route('**/api/v1/registration/code-request', async (route) => {
        await route.fetch();
        await route.abort('connectionreset');
      });
      await registration.chooseMethod(/Text message \(SMS\)/);
      await expect(registration.heading('The code may have been sent')).toBeVisible();
      await page.unrouteAll();
    },
    waitSeconds: 60,
    proxyOnly: true,
  },
];

async function methods(registration: RegistrationPage, national: string): Promise<void> {
  await registration.submitNumber(national);
  await expect(registration.heading('How should WhatsApp send the code?')).toBeVisible();
}

async function codeEntry(registration: RegistrationPage, national: string): Promise<void> {
  await methods(registration, national);
  await registration.chooseMethod(/Text message \(SMS\)/);
  await expect(registration.heading('Enter the code')).toBeVisible();
}

forTargets(['proxy', 'demo'], (target) => {
  for (const { step, heading, reach, waitSeconds } of cases.filter((entry) => target === 'proxy' || !entry.proxyOnly)) {
    test(`a reload at ${step} returns there, with the true countdown, sending nothing`, async ({ registration, page, server }) => {
      // The browser's clock stands still unless the test moves it, so the truth is known exactly.
      await page.clock.install({ time: T0 });
      await registration.open();
      await page.clock.pauseAt(T0 + 10_000);
      await reach(registration, page);
      if (waitSeconds !== undefined) expect(await registration.countdownSeconds()).toBe(waitSeconds);
      await page.clock.runFor(ELAPSED_MS);
      const before = await server?.upstreamHits();

      const calls = await registration.reloadAndListApiCalls();
      await expect(registration.heading(heading)).toBeFocused();
      if (waitSeconds !== undefined) {
        const shown = await registration.countdownSeconds();
        expect(Math.abs(shown - (waitSeconds - ELAPSED_MS / 1000))).toBeLessThanOrEqual(1);
      }
      expect(calls, 'API calls sent by the page by itself').toEqual([]);
      if (target === 'proxy') expect(await server?.upstreamHits(), 'calls that reached the simulated provider').toEqual(before);
    });
  }
});
