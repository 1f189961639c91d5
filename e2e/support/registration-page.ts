import { expect, type Page } from '@playwright/test';

/** The registration journey as an operator sees it: labels and roles only. */
export class RegistrationPage {
  constructor(
    readonly page: Page,
    readonly url: string,
  ) {}

  /** Opens the console and, on the first screen's choice, picks registering the number here. */
  async open(query = ''): Promise<void> {
    await this.page.goto(`${this.url}${query}`);
    await this.page.getByRole('button', { name: /^Register the number here/ }).click();
    await expect(this.page.getByRole('heading', { level: 2 })).toBeVisible();
  }

  async submitNumber(national: string): Promise<void> {
    await this.page.getByLabel('Phone number with area code').fill(national);
    await this.page.getByRole('button', { name: 'Check the number' }).click();
  }

  async chooseMethod(name: RegExp): Promise<void> {
    await this.page.getByRole('button', { name }).click();
  }

  async enterCode(code: string): Promise<void> {
    await this.page.getByLabel('6-digit code').fill(code);
  }

  heading(name: string | RegExp) {
    return this.page.getByRole('heading', { level: 2, name });
  }
}
