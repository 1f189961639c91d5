import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { phone } from '../../test/builders';
import { descriptionOf, expectShown, expectUnbroken, fullText } from '../../test/assertions';
import { renderApp } from '../../test/render-app';
import { mockApi } from '../../test/setup-dom';

/** Bad paths of the branch screens that the simulated numbers do not reach on their own. */
describe('branch screens', () => {
  it('says the account has no recovery e-mail when the provider cannot send one', async () => {
    const user = userEvent.setup();
    // The number with a two-step PIN reaches the PIN step, as far as the proxy's guards know…
    const pinNumber = { ddi: '55', phone: '11900000005' };
    for (const [name, body] of [['checkAvailability', pinNumber], ['requestCode', { ...pinNumber, method: 'sms' }], ['confirmCode', { code: '123456' }]] as const) {
      expect((await mockApi.current.operate(name, body)).status).toBe(200);
    }
    // …but the provider no longer holds that step, so its recovery answers "not sent".
    const registration = mockApi.current.provider.instance('demo-instance')?.registration;
    if (!registration) throw new Error('the simulated instance has no registration');
    registration.stage = 'code';
    renderApp({ step: 'awaitingPin', phone: pinNumber, notice: null, error: null });
    await user.type(await screen.findByLabelText('6-digit PIN'), '12');
    await user.click(screen.getByRole('button', { name: 'I forgot the PIN' }));
    expect((await screen.findByText(/This account has no recovery e-mail/)).closest('[role="status"]')).not.toBeNull();
    expect(screen.getByLabelText<HTMLInputElement>('6-digit PIN').value).toBe('12');
    expect(mockApi.current.provider.hits.get('/mobile/recovery-pin-code')).toBe(1);
  });

  it('refuses an incomplete PIN on the field and sends nothing', async () => {
    const user = userEvent.setup();
    renderApp({ step: 'awaitingPin', phone, notice: null, error: null });
    const field = await screen.findByLabelText('6-digit PIN');
    await user.type(field, '246');
    await user.click(screen.getByRole('button', { name: 'Confirm PIN' }));
    expect(screen.getByText('The PIN has 6 digits.').id).toBe(field.getAttribute('aria-describedby')?.split(' ').at(-1));
    expect(document.activeElement).toBe(field);
    expect(mockApi.current.provider.hits.get('/mobile/confirm-pin-code')).toBeUndefined();
  });

  it('keeps the appeal text when the provider refuses the step, and offers a clean start', async () => {
    const user = userEvent.setup();
    // The proxy holds no appeal token for this number, so the appeal is out of order.
    renderApp({ step: 'bannedAppealable', phone, notice: null, error: null });
    const text = 'We use this number for our bakery orders only.';
    const field = await screen.findByLabelText('Why should WhatsApp lift the ban?');
    await user.type(field, text);
    expect(descriptionOf(field)).toContain(`${String(text.length)} of 1,000 characters`);
    await user.click(screen.getByRole('button', { name: 'Send the appeal' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('That step cannot be taken now');
    expect(within(alert).getByRole('button', { name: 'Start over' })).toHaveProperty('disabled', false);
    expect(field).toHaveProperty('value', text);
  });

  it('holds the new check of an unavailable number until the provider allows it', async () => {
    renderApp({ step: 'unavailable', phone, reason: 'too_many', retryAt: Date.now() + 90_000 });
    const reason = await screen.findByText(fullText('WhatsApp received too many requests for +55 11 98765-4321.'));
    expectShown(reason);
    expectUnbroken(reason, '+55 11 98765-4321');
    expect(screen.getByRole('button', { name: 'Check the number again' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('timer').textContent).toMatch(/^1:(30|29)$/);
  });

  it('refuses a captcha answer with other characters than letters and digits', async () => {
    const user = userEvent.setup();
    renderApp({
      step: 'solvingCaptcha',
      phone,
      code: { deadlines: { sms: 0, voice: 0, wa_old: 0 }, waOldEligible: true, resendAt: 0, sentMethod: null, wrongCodes: 0 },
      method: 'sms',
      image: 'data:image/png;base64,iVBORw0KGgo=',
      notice: null,
      error: null,
    });
    const field = await screen.findByLabelText('Characters in the image');
    await user.type(field, '42-85');
    await user.click(screen.getByRole('button', { name: 'Send the answer' }));
    await waitFor(() => expect(descriptionOf(field)).toContain('Use only the letters and digits from the image (at most 32).'));
    expect(mockApi.current.provider.hits.get('/mobile/respond-captcha')).toBeUndefined();
  });
});
