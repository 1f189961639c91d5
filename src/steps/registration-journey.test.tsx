import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { T0, buildCodeContext, phone } from '../test/builders';
import { descriptionOf, expectFocused, expectShown, expectUnbroken, fullText } from '../test/assertions';
import { renderApp } from '../test/render-app';
import { mockApi } from '../test/setup-dom';

/** Starting past the phone step: the provider still needs its availability check first, as Z-API does. */
/** The number checked through the demo's stand-in for the proxy: its guards and the provider both know it. */
async function numberChecked(): Promise<void> {
  expect((await mockApi.current.operate('checkAvailability', phone)).status).toBe(200);
}

/** Registration calls only: a fresh start also reads the instance status, which sends nothing. */
const providerHits = () =>
  [...mockApi.current.provider.hits].filter(([path]) => path.startsWith('/mobile/')).reduce((sum, [, hits]) => sum + hits, 0);

describe('registration journey', () => {
  it('registers a number on the happy path', async () => {
    const user = userEvent.setup();
    renderApp();
    const heading = await screen.findByRole('heading', { name: 'Which number do you want to connect?' });
    expect(document.activeElement).toBe(heading);
    await user.type(screen.getByLabelText('Phone number with area code'), '11 98765-4321');
    await user.click(screen.getByRole('button', { name: 'Check the number' }));
    await user.click(await screen.findByRole('button', { name: /Text message \(SMS\)/ }));
    const code = await screen.findByLabelText('6-digit code');
    await user.type(code, '123456');
    await expectFocused(await screen.findByRole('heading', { name: 'Connected' }));
    const sentence = screen.getByText(fullText('+55 11 98765-4321 is now connected to this instance.'));
    expectShown(sentence);
    expectUnbroken(sentence, '+55 11 98765-4321');
  });

  it.each([
    ['', 'Enter the phone number.'],
    ['1198765', 'Numbers in Brazil have 10 or 11 digits with the area code.'],
    ['20 98765-4321', '20 is not an area code in Brazil.'],
    ['11 88765-4321', 'Brazilian mobile numbers have 9 right after the area code.'],
    ['11 9876a-4321', 'Use only digits, spaces and dashes.'],
  ])('refuses %j on the field and sends nothing', async (typed, message) => {
    const user = userEvent.setup();
    renderApp();
    const field = await screen.findByLabelText('Phone number with area code');
    if (typed) await user.type(field, typed);
    await user.click(screen.getByRole('button', { name: 'Check the number' }));
    await waitFor(() => expect(descriptionOf(field)).toContain(message));
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toContain(screen.getByText(message).id);
    expect(providerHits()).toBe(0);
  });

  it('takes a pasted international number apart into country and number', async () => {
    const user = userEvent.setup();
    renderApp();
    const field = await screen.findByLabelText('Phone number with area code');
    await user.click(field);
    await user.paste('+351 912 345 678');
    expect(screen.getByLabelText<HTMLSelectElement>('Country').value).toBe('PT');
    expect(field).toHaveProperty('value', '912345678');
  });

  it('offers a code field made for one-time codes and clears it after a wrong code', async () => {
    const user = userEvent.setup();
    renderApp({ step: 'choosingMethod', phone, code: buildCodeContext({ deadlines: { sms: T0, voice: T0, wa_old: T0 } }), notice: null, error: null });
    await numberChecked();
    await user.click(await screen.findByRole('button', { name: /Voice call/ }));
    const code = await screen.findByLabelText<HTMLInputElement>('6-digit code');
    expect(code.getAttribute('inputmode')).toBe('numeric');
    expect(code.getAttribute('autocomplete')).toBe('one-time-code');
    await user.type(code, '111111');
    await waitFor(() => expect(descriptionOf(screen.getByLabelText('6-digit code'))).toMatch(/That code is not right/));
    await waitFor(() => expect(screen.getByLabelText<HTMLInputElement>('6-digit code').value).toBe(''));
    expect(document.activeElement).toBe(screen.getByLabelText('6-digit code'));
  });

  it('sends one confirmation however fast the code is submitted twice', async () => {
    const user = userEvent.setup();
    const { store } = renderApp({ step: 'choosingMethod', phone, code: buildCodeContext(), notice: null, error: null });
    await numberChecked();
    await user.click(await screen.findByRole('button', { name: /Text message/ }));
    const code = await screen.findByLabelText('6-digit code');
    await user.type(code, '123456');
    await user.keyboard('{Enter}');
    await screen.findByRole('heading', { name: 'Connected' });
    expect(mockApi.current.provider.hits.get('/mobile/confirm-registration-code')).toBe(1);
    expect(store.getState().step).toBe('connected');
  });
});
