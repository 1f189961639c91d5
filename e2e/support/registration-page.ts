import { expect, type FrameLocator, type Page } from '@playwright/test';

/** The registration journey as an operator sees it: labels and roles only. */
export class RegistrationPage {
  constructor(
    readonly page: Page,
    readonly url: string,
    /** Where the console is: the page itself, or a portal's frame (embedding specs). */
    readonly scope: Page | FrameLocator = page,
  ) {}

  async open(query = ''): Promise<void> {
    await this.page.goto(`${this.url}${query}`);
    await expect(this.page.getByRole('heading', { level: 2 })).toBeVisible();
  }

  async submitNumber(national: string): Promise<void> {
    await this.scope.getByLabel('Phone number with area code').fill(national);
    await this.scope.getByRole('button', { name: 'Check the number' }).click();
  }

  async chooseMethod(name: RegExp): Promise<void> {
    await this.scope.getByRole('button', { name }).click();
  }

  async enterCode(code: string): Promise<void> {
    await this.scope.getByLabel('6-digit code').fill(code);
  }

  heading(name: string | RegExp) {
    return this.scope.getByRole('heading', { level: 2, name });
  }
}
