import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';

test.describe('at 390×844', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('a step’s heading takes focus on load without a focus box; the keyboard gets a ring', async ({ registration, page }) => {
    await registration.open();
    const heading = registration.heading('Which number do you want to connect?');
    await expect(heading).toBeFocused();
    expect(await heading.evaluate((element) => getComputedStyle(element).outlineStyle)).toBe('none');
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    expect(await focused.evaluate((element) => getComputedStyle(element).outlineStyle)).toBe('solid');
  });

  test('numbers never break across lines, and the code’s digits sit in the middle of their field', async ({ registration, page }) => {
    await registration.reachCodeEntry('11 98765-4321');
    const number = page.getByText('+55 11 98765-4321', { exact: true }).first();
    await expect(number).toBeVisible();
    // Its text sits on one line: "98765-" and "4321" are never split, even on a phone.
    const lines = await number.evaluate((element) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
    });
    expect(lines).toBe(1);

    const field = registration.codeField;
    const { align, indent, spacing } = await field.evaluate((element) => {
      const style = getComputedStyle(element);
      return { align: style.textAlign, indent: style.textIndent, spacing: style.letterSpacing };
    });
    expect(align).toBe('center');
    // Letter spacing adds space after the last digit too; the same indent before the first balances it.
    expect(indent).toBe(spacing);
  });
});

test('every country by name or calling code, and the proxy’s exact check of the number on its field', async ({ registration, page }) => {
  await registration.open();
  const country = page.getByLabel('Country', { exact: true });
  await expect(country).toHaveValue('BR');
  expect(await country.locator('option').count()).toBeGreaterThan(240);
  await page.getByLabel('Find the country').fill('+351');
  await expect(country).toHaveValue('PT');
  await page.getByLabel('Find the country').fill('bra');
  await expect(country).toHaveValue('BR');

  // Ten digits with a DDD in use pass the browser's compact check; no such number exists.
  const answers: number[] = [];
  page.on('response', (response) => {
    if (response.url().endsWith('/api/v1/registration/availability')) answers.push(response.status());
  });
  await registration.submitNumber('11 1234-5678');
  const field = page.getByLabel('Phone number with area code');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('This number does not exist in Brazil. Check the area code and the digits.')).toBeVisible();
  await expect(field).toBeFocused();
  expect(answers).toEqual([400]);
});

const brandFolder = mkdtempSync(join(tmpdir(), 'brand-e2e-'));
const logo = join(brandFolder, 'logo.png');
// A 1×1 PNG.
writeFileSync(logo, Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4AWNgAAAAAgABc3UBGAAAAABJRU5ErkJggg==', 'base64'));

test.describe('with a brand configured', () => {
  test.use({ serverEnv: { BRAND_NAME: 'Acme Connect', BRAND_LOGO_PATH: logo } });

  test('the header shows the product name and the logo, served from the console’s own origin', async ({ page, consoleUrl }) => {
    await page.goto(consoleUrl);
    const header = page.getByRole('banner');
    await expect(header.getByRole('heading', { level: 1, name: 'Acme Connect' })).toBeVisible();
    const image = header.locator('img');
    await expect(image).toHaveAttribute('src', '/brand/logo');
    // Loaded, so the page's CSP let it through.
    await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth)).toBe(1);
  });
});
