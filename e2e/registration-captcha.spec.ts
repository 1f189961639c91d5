import { expectNoAxeViolations } from './support/axe';
import { expect, forTargets, test } from './support/fixtures';

forTargets(['proxy', 'demo'], () => {
  test('…01: the captcha image, a wrong answer with a new image, then 428517 and the code', async ({ registration, page }) => {
    await registration.reachMethods('11 90000-0001');
    await registration.chooseMethod(/Text message \(SMS\)/);
    await expect(registration.heading('Type the characters in the image')).toBeFocused();
    const image = registration.captchaImage;
    await expect(image).toHaveAttribute('src', /^data:image\/png;base64,/);
    expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    const first = await image.getAttribute('src');
    await expectNoAxeViolations(page, 'captcha');

    await registration.answerCaptcha('');
    await expect(page.getByText('Type the characters you see in the image.')).toBeVisible();

    await registration.answerCaptcha('000000');
    await expect(registration.alert.filter({ hasText: 'That answer was not right. Here is a new image' })).toBeVisible();
    await expect(image).not.toHaveAttribute('src', first ?? '');
    const field = page.getByLabel('Characters in the image', { exact: true });
    await expect(field).toHaveValue('');
    await expect(field).toBeFocused();

    await registration.answerCaptcha('428517');
    await expect(registration.heading('Enter the code')).toBeVisible();
    await registration.enterCode('123456');
    await expect(registration.heading('Connected')).toBeVisible();
  });

  test('…01: "New image" asks for the code again by SMS and shows another image, which 428517 then solves', async ({ registration, page }) => {
    await registration.reachMethods('11 90000-0001');
    await registration.chooseMethod(/Text message \(SMS\)/);
    const image = registration.captchaImage;
    await expect(image).toHaveAttribute('src', /^data:image\/png;base64,/);
    const first = await image.getAttribute('src');
    await page.getByRole('button', { name: 'New image' }).click();
    await expect(image).not.toHaveAttribute('src', first ?? '');
    await expect(registration.heading('Type the characters in the image')).toBeVisible();
    await registration.answerCaptcha('428517');
    await expect(registration.heading('Enter the code')).toBeVisible();
  });
});
