import { expect, type Locator, type Page } from '@playwright/test';

/** The connected screen and account security as an operator sees them: labels and roles only. */
export class AccountPage {
  constructor(
    readonly page: Page,
    readonly url: string,
  ) {}

  /** Opens the console on an instance that is already connected: the start-up check shows it. */
  async openConnected(query = ''): Promise<void> {
    await this.page.goto(`${this.url}${query}`);
    await expect(this.page.getByRole('heading', { level: 2 })).toBeFocused();
  }

  async openSecurity(buttonName = 'Account security: e-mail and PIN'): Promise<void> {
    await this.page.getByRole('button', { name: buttonName }).click();
    await expect(this.page.getByRole('heading', { level: 2 })).toBeFocused();
  }

  get email(): Locator {
    return this.page.getByRole('region', { name: 'Recovery e-mail' });
  }

  get pin(): Locator {
    return this.page.getByRole('region', { name: 'Two-step PIN' });
  }

  async setEmail(address: string): Promise<void> {
    await this.email.getByLabel('E-mail address').fill(address);
    await this.email.getByRole('button', { name: 'Save the e-mail' }).click();
  }

  async enterVerificationCode(code: string): Promise<void> {
    await this.email.getByLabel('Code from the e-mail').fill(code);
  }

  async setPin(pin: string, repeat = pin): Promise<void> {
    await this.pin.getByLabel('New 6-digit PIN').fill(pin);
    await this.pin.getByLabel('Type the PIN again').fill(repeat);
    await this.pin.getByRole('button', { name: 'Save the PIN' }).click();
  }
}
