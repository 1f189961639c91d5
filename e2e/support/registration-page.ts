import { expect, type FrameLocator, type Locator, type Page, type Request } from '@playwright/test';

/** The registration journey as an operator sees it: labels and roles only. */
export class RegistrationPage {
  constructor(
    readonly page: Page,
    readonly url: string,
    /** Where the console is: the page itself, or a portal's frame (embedding specs). */
    readonly scope: Page | FrameLocator = page,
  ) {}

  /** Opens the console and, on the first screen's choice, picks registering the number here. */
  async open(query = ''): Promise<void> {
    await this.page.goto(`${this.url}${query}`);
    await this.chooseRegister();
    await expect(this.page.getByRole('heading', { level: 2 })).toBeVisible();
  }

  /** On the first screen's choice, picks registering the number here. */
  async chooseRegister(): Promise<void> {
    await this.scope.getByRole('button', { name: /^Register the number here/ }).click();
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

  /** Opens the console, checks the number and waits for the method choice. */
  async reachMethods(national: string, query = ''): Promise<void> {
    await this.open(query);
    await this.submitNumber(national);
    await expect(this.heading('How should WhatsApp send the code?')).toBeVisible();
  }

  /** …and asks for the code by SMS, up to code entry. */
  async reachCodeEntry(national: string): Promise<void> {
    await this.reachMethods(national);
    await this.chooseMethod(/Text message \(SMS\)/);
    await expect(this.heading('Enter the code')).toBeVisible();
  }

  method(name: RegExp): Locator {
    return this.page.getByRole('button', { name });
  }

  get codeField(): Locator {
    return this.page.getByLabel('6-digit code');
  }

  get captchaImage(): Locator {
    return this.page.getByRole('img', { name: /Captcha image/ });
  }

  async answerCaptcha(answer: string): Promise<void> {
    await this.page.getByLabel('Characters in the image', { exact: true }).fill(answer);
    await this.page.getByRole('button', { name: 'Send the answer' }).click();
  }

  get pinField(): Locator {
    return this.page.getByLabel('6-digit PIN');
  }

  async appeal(description: string): Promise<void> {
    await this.page.getByLabel('Why should WhatsApp lift the ban?').fill(description);
    await this.page.getByRole('button', { name: 'Send the appeal' }).click();
  }

  async acceptTransfer(): Promise<void> {
    await this.page.getByRole('button', { name: 'I accepted it' }).click();
  }

  /**
   * Says "I accepted it" until the old phone's acceptance is seen and the console shows Connected. Each
   * round waits for the answer (Connected, or the button back), so it never clicks a button that the
   * connected screen has replaced.
   */
  async acceptTransferUntilConnected(timeout: number): Promise<void> {
    const connected = this.heading('Connected');
    const accept = this.page.getByRole('button', { name: 'I accepted it' });
    await expect(async () => {
      await expect(connected.or(accept)).toBeVisible();
      if (await connected.isVisible()) return;
      await accept.click({ timeout: 2_000 });
      await expect(connected.or(this.page.getByRole('status').filter({ hasText: 'has not seen the move allowed yet' }))).toBeVisible({ timeout: 5_000 });
      await expect(connected).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout, intervals: [2_000] });
  }

  /** The first visible countdown (`m:ss`) in seconds. */
  async countdownSeconds(scope: Locator = this.page.locator('body')): Promise<number> {
    // A method's timer, or the code step's disabled "New code in 0:46".
    const countdown = scope.getByRole('timer').or(scope.getByRole('button', { name: /^New code in \d+:\d\d$/ }));
    const text = (await countdown.first().textContent()) ?? '';
    const match = /(\d+):(\d\d)$/.exec(text.trim());
    if (!match) throw new Error(`not a countdown: ${text}`);
    return Number(match[1]) * 60 + Number(match[2]);
  }

  /** Errors and notices in the flow: the role="alert" and role="status" messages. */
  get alert(): Locator {
    return this.page.getByRole('alert');
  }

  /**
   * Reloads the page and returns the API calls the browser made by itself in the second after the
   * step came back (a resumed step must send nothing until the operator acts).
   */
  async reloadAndListApiCalls(): Promise<string[]> {
    const calls: string[] = [];
    const listen = (request: Request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) calls.push(new URL(request.url()).pathname);
    };
    this.page.on('request', listen);
    await this.page.reload();
    await expect(this.page.getByRole('heading', { level: 2 })).toBeFocused();
    await this.page.waitForTimeout(1_000);
    this.page.off('request', listen);
    return calls;
  }
}
