import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { callApi } from '../api/client';
import { operations } from '../contract/operations';
import { simulatedSecrets } from '../fake-provider/scenarios';
import { phone } from '../test/builders';
import { definitionOf, descriptionOf, expectFocused, expectShown, expectUnbroken } from '../test/assertions';
import { renderApp } from '../test/render-app';
import { mockApi, mockServer } from '../test/setup-dom';

/** Connects `phone` at the simulated provider through the API, as an earlier visit would have. */
async function connectedBefore() {
  await callApi(operations.checkAvailability, phone);
  await callApi(operations.requestCode, { ...phone, method: 'sms' });
  await callApi(operations.confirmCode, { code: simulatedSecrets.registrationCode });
}

const hits = (path: string) => mockApi.current.provider.hits.get(path) ?? 0;

async function openAccountSecurity(user: ReturnType<typeof userEvent.setup>) {
  renderApp({ step: 'connected', phone });
  await user.click(await screen.findByRole('button', { name: 'Account security: e-mail and PIN' }));
  const heading = await screen.findByRole('heading', { name: 'Account security' });
  await waitFor(() => expect(document.activeElement).toBe(heading));
}

const emailSection = () => within(screen.getByRole('region', { name: 'Recovery e-mail' }));
const pinSection = () => within(screen.getByRole('region', { name: 'Two-step PIN' }));

describe('the start-up check', () => {
  it('opens the connected screen when the console starts on an already connected instance', async () => {
    await connectedBefore();
    renderApp();
    await expectFocused(await screen.findByRole('heading', { name: 'Connected' }));
    expectShown(screen.getByText('This instance already has a connected number.'));
    expect(definitionOf(await screen.findByText('Number', { selector: 'dt' }))).toBe('+55 11 98765-4321');
    expectUnbroken(screen.getByText('Number', { selector: 'dt' }).parentElement ?? document.body, '+55 11 98765-4321');
    expect(definitionOf(screen.getByText('Profile name', { selector: 'dt' }))).toBe('Simulated account');
    expect((await screen.findByText('Connected', { selector: 'strong' })).parentElement?.textContent).toBe('Instance status: Connected');
  });

  it('shows the journey when the instance is not connected', async () => {
    renderApp();
    await expectFocused(await screen.findByRole('heading', { name: 'Which number do you want to connect?' }));
    expect(hits('/status')).toBe(1);
  });

  it('shows the journey when the check fails, and asks only once', async () => {
    let asked = 0;
    mockServer.use(
      http.get('/api/v1/instance/status', () => {
        asked += 1;
        return HttpResponse.json({ code: 'PROVIDER_ERROR', message: 'x' }, { status: 502 });
      }),
    );
    renderApp();
    await expectFocused(await screen.findByRole('heading', { name: 'Which number do you want to connect?' }));
    expect(asked).toBe(1);
  });

  it('leaves a journey in progress alone', async () => {
    await connectedBefore();
    const before = hits('/status');
    renderApp({ step: 'phoneEntry', phone, error: null });
    await expectFocused(await screen.findByRole('heading', { name: 'Which number do you want to connect?' }));
    expect(hits('/status')).toBe(before);
  });

  it('offers no "Start over" on a connected instance, which would show the phone form while the number stays connected', async () => {
    await connectedBefore();
    renderApp();
    await expectFocused(await screen.findByRole('heading', { name: 'Connected' }));
    expect(await screen.findByRole('button', { name: 'Account security: e-mail and PIN' })).toHaveProperty('disabled', false);
    expect(screen.queryByRole('button', { name: 'Start over' })).toBeNull();
  });
});

describe('account security', () => {
  it('sets an e-mail, refuses a wrong code, verifies it and removes it after a warning', async () => {
    const user = userEvent.setup();
    await connectedBefore();
    await openAccountSecurity(user);
    expectShown(await emailSection().findByText(/No e-mail yet/));

    await user.type(emailSection().getByLabelText('E-mail address'), 'ana@example.com');
    await user.click(emailSection().getByRole('button', { name: 'Save the e-mail' }));
    expect(await emailSection().findByRole('status')).toHaveProperty('textContent', 'WhatsApp sent a code to ana@example.com.');
    expectShown(emailSection().getByText(/ana@example.com is waiting for verification/));

    const code = emailSection().getByLabelText<HTMLInputElement>('Code from the e-mail');
    await user.type(code, '000000');
    await waitFor(() => expect(descriptionOf(code)).toContain('That code is not right, or it has expired.'));
    expect(code.getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(code));

    await user.clear(code);
    await user.type(code, simulatedSecrets.emailVerificationCode);
    expect(await emailSection().findByRole('status')).toHaveProperty('textContent', 'The e-mail is verified.');
    expectShown(emailSection().getByText('ana@example.com is the recovery e-mail and it is verified.'));

    await user.click(emailSection().getByRole('button', { name: 'Remove the e-mail' }));
    const confirmation = emailSection().getByRole('group', { name: 'Remove ana@example.com from the account?' });
    expect(confirmation.getAttribute('aria-describedby')).toBe(within(confirmation).getByText(/a forgotten PIN cannot be recovered/).id);
    expect(document.activeElement).toBe(confirmation);
    const remove = within(confirmation).getByRole('button', { name: 'Remove the e-mail' });
    // A destructive confirmation is a danger button, never the green primary one.
    expect(remove.getAttribute('data-variant')).toBe('danger');
    await user.click(remove);
    expect(await emailSection().findByRole('status')).toHaveProperty('textContent', 'The e-mail was removed.');
    expectShown(emailSection().getByText(/No e-mail yet/));
    expect(mockApi.current.provider.instance('demo-instance')?.account.email).toBeNull();
  });

  it('checks the address on the field, sends nothing for a malformed one, and shows the provider’s refusal there too', async () => {
    const user = userEvent.setup();
    await connectedBefore();
    await openAccountSecurity(user);
    const field = await emailSection().findByLabelText<HTMLInputElement>('E-mail address');
    const before = hits('/security/email');

    await user.click(emailSection().getByRole('button', { name: 'Save the e-mail' }));
    await waitFor(() => expect(descriptionOf(field)).toContain('Enter an e-mail address.'));
    await user.type(field, 'ana at example.com');
    await user.click(emailSection().getByRole('button', { name: 'Save the e-mail' }));
    await waitFor(() => expect(descriptionOf(field)).toContain('This is not an e-mail address.'));
    expect(hits('/security/email')).toBe(before);

    await user.clear(field);
    await user.type(field, 'ana@example');
    await user.click(emailSection().getByRole('button', { name: 'Save the e-mail' }));
    await waitFor(() => expect(descriptionOf(field)).toContain('WhatsApp did not accept this address. Check it, or use another one.'));
    expect(field.value).toBe('ana@example');
    expect(field.getAttribute('aria-invalid')).toBe('true');
  });

  it('sends the verification code again to the same address', async () => {
    const user = userEvent.setup();
    await connectedBefore();
    await callApi(operations.setAccountEmail, { email: 'ana@example.com' });
    await openAccountSecurity(user);
    const before = hits('/security/email');
    await user.click(await emailSection().findByRole('button', { name: 'Send the code again' }));
    expect(await emailSection().findByRole('status')).toHaveProperty('textContent', 'A new code was sent to ana@example.com.');
    expect(hits('/security/email')).toBe(before + 1);
  });

  it('keeps the typed address when saving fails, and saves it on "try again"', async () => {
    const user = userEvent.setup();
    await connectedBefore();
    await openAccountSecurity(user);
    mockServer.use(
      http.post('/api/v1/account/email', () => HttpResponse.json({ code: 'UPSTREAM_UNAVAILABLE', message: 'x' }, { status: 503 }), { once: true }),
    );
    const field = await emailSection().findByLabelText<HTMLInputElement>('E-mail address');
    await user.type(field, 'ana@example.com');
    await user.click(emailSection().getByRole('button', { name: 'Save the e-mail' }));
    expect(await emailSection().findByRole('alert')).toHaveProperty('textContent', expect.stringContaining('cannot be reached right now') as unknown);
    expect(field.value).toBe('ana@example.com');
    await user.click(emailSection().getByRole('button', { name: 'Try again' }));
    expect(await emailSection().findByRole('status')).toHaveProperty('textContent', 'WhatsApp sent a code to ana@example.com.');
  });

  it('sets a PIN typed twice the same, and removes it after a warning', async () => {
    const user = userEvent.setup();
    await connectedBefore();
    await openAccountSecurity(user);
    const pin = await pinSection().findByLabelText<HTMLInputElement>('New 6-digit PIN');
    const repeat = pinSection().getByLabelText<HTMLInputElement>('Type the PIN again');
    expect(pin.type).toBe('password');
    expect(pin.getAttribute('inputmode')).toBe('numeric');

    await user.type(pin, '482915');
    await user.type(repeat, '482916');
    await user.click(pinSection().getByRole('button', { name: 'Save the PIN' }));
    await waitFor(() => expect(descriptionOf(repeat)).toContain('The two PINs are not the same. Type them again.'));
    expect(hits('/security/two-fa-code')).toBe(1);

    await user.clear(repeat);
    await user.type(repeat, '482915');
    await user.click(pinSection().getByRole('button', { name: 'Save the PIN' }));
    expect(await pinSection().findByRole('status')).toHaveProperty('textContent', 'The PIN is saved.');
    expectShown(pinSection().getByText(/A PIN is set/));
    expect(mockApi.current.provider.instance('demo-instance')?.account.pin).toBe('482915');

    await user.click(pinSection().getByRole('button', { name: 'Remove the PIN' }));
    await user.click(pinSection().getByRole('button', { name: 'Keep it' }));
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Two-step PIN' }));
    await user.click(pinSection().getByRole('button', { name: 'Remove the PIN' }));
    const confirmation = pinSection().getByRole('group', { name: 'Remove the two-step PIN?' });
    await user.click(within(confirmation).getByRole('button', { name: 'Remove the PIN' }));
    expect(await pinSection().findByRole('status')).toHaveProperty('textContent', 'The PIN was removed.');
    expectShown(pinSection().getByText(/No PIN is set/));
  });

  it('says the number is no longer connected, with a way to start over', async () => {
    const user = userEvent.setup();
    await openAccountSecurity(user);
    const alert = await emailSection().findByRole('alert');
    expect(alert.textContent).toContain('The number is not connected to this instance any more.');
    expect(within(alert).getByRole('button', { name: 'Start over' })).toHaveProperty('disabled', false);
  });
});
