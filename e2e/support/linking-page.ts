import { expect, type Page, type Request } from '@playwright/test';

/** A pairing code as WhatsApp shows it. */
export const PAIRING_CODE = /^[1-9A-HJ-NP-TV-Z]{4}-[1-9A-HJ-NP-TV-Z]{4}$/;

/** Linking the instance as a device, as an operator sees it: labels and roles only. */
export class LinkingPage {
  constructor(
    readonly page: Page,
    readonly url: string,
  ) {}

  async open(query = ''): Promise<void> {
    await this.page.goto(`${this.url}${query}`);
    await this.page.getByRole('button', { name: /^Link to the phone that has WhatsApp/ }).click();
    await expect(this.heading('How will the phone link this instance?')).toBeFocused();
  }

  async chooseCode(): Promise<void> {
    await this.page.getByRole('button', { name: /^With a code typed on the phone/ }).click();
    await expect(this.heading('Which number has WhatsApp?')).toBeFocused();
  }

  async chooseQr(): Promise<void> {
    await this.page.getByRole('button', { name: /^With a QR code scanned by the phone/ }).click();
    await expect(this.heading('Scan this QR code with the phone')).toBeFocused();
  }

  async submitNumber(national: string): Promise<void> {
    await this.page.getByLabel('Phone number with area code').fill(national);
    await this.page.getByRole('button', { name: 'Get the code' }).click();
  }

  /** The pairing code on screen (exactly one, or none). */
  code() {
    return this.page.getByText(PAIRING_CODE);
  }

  qrImage() {
    return this.page.getByRole('img', { name: 'QR code that links this instance to WhatsApp' });
  }

  heading(name: string | RegExp) {
    return this.page.getByRole('heading', { level: 2, name });
  }

  /** Records the calls to one linking route and the statuses they got. */
  recordCalls(route: 'pairing-code' | 'qr-code'): Array<{ request: Request; status: number | null }> {
    const calls: Array<{ request: Request; status: number | null }> = [];
    this.page.on('request', (request) => {
      if (new URL(request.url()).pathname === `/api/v1/linking/${route}`) calls.push({ request, status: null });
    });
    this.page.on('response', (response) => {
      const call = calls.find((entry) => entry.request === response.request());
      if (call) call.status = response.status();
    });
    return calls;
  }
}
