import { codeConfirmationResultSchema } from '../../src/contract/registration';
import { AccountPage } from './account-page';
import { test as base } from './fixtures';

interface AccountFixtures {
  account: AccountPage;
  /**
   * The account page of an instance whose number was connected through the proxy's own API before
   * the page opens, as an earlier visit would have left it. The proxy's simulated provider keeps
   * that state between page loads; the demo has no server to keep it.
   */
  alreadyConnected: AccountPage;
}

export const test = base.extend<AccountFixtures>({
  account: async ({ page, consoleUrl }, use) => {
    await use(new AccountPage(page, consoleUrl));
  },

  alreadyConnected: async ({ target, consoleUrl, request, account }, use) => {
    if (target !== 'proxy') throw new Error('only the proxy keeps a connection between page loads');
    const number = { ddi: '55', phone: '11987654321' };
    const post = async (path: string, data: object) => {
      const response = await request.post(`${consoleUrl}/api/v1/registration/${path}`, { data });
      if (!response.ok()) throw new Error(`${path} answered ${String(response.status())}`);
      const body: unknown = await response.json();
      return body;
    };
    await post('availability', number);
    await post('code-request', { ...number, method: 'sms' });
    const confirmed = codeConfirmationResultSchema.parse(await post('code-confirmation', { code: '123456' }));
    if (confirmed.outcome !== 'connected') throw new Error(`the number did not connect: ${confirmed.outcome}`);
    await use(account);
  },
});

export { expect, forTargets } from './fixtures';
