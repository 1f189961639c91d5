import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { initialState } from '../flow/state';
import { descriptionOf, expectShown } from '../test/assertions';
import { renderApp } from '../test/render-app';

const PAIRING_CODE = /^[1-9A-HJ-NP-TV-Z]{4}-[1-9A-HJ-NP-TV-Z]{4}$/;

async function openLinking() {
  const user = userEvent.setup();
  renderApp(initialState, 'choose');
  await user.click(await screen.findByRole('button', { name: /^Link to the phone that has WhatsApp/ }));
  expect(await screen.findByRole('heading', { name: 'How will the phone link this instance?' })).toBe(document.activeElement);
  return user;
}

async function askCode(user: ReturnType<typeof userEvent.setup>, national: string) {
  await user.click(screen.getByRole('button', { name: /^With a code typed on the phone/ }));
  await user.type(await screen.findByLabelText('Phone number with area code'), national);
  await user.click(screen.getByRole('button', { name: 'Get the code' }));
}

describe('the first screen', () => {
  it('offers both ways with the sentence of when to pick each, and registering opens the phone step', async () => {
    const user = userEvent.setup();
    renderApp(initialState, 'choose');
    const register = await screen.findByRole('button', { name: /^Register the number here/ });
    expect(descriptionOf(register)).toMatch(/^Pick this when WhatsApp can leave the phone that has it now/);
    expect(descriptionOf(screen.getByRole('button', { name: /^Link to the phone that has WhatsApp/ }))).toMatch(
      /^Pick this when WhatsApp must stay on that phone/,
    );
    await user.click(register);
    expect(await screen.findByRole('heading', { name: 'Which number do you want to connect?' })).toBe(document.activeElement);
  });
});

describe('linking by pairing code', () => {
  it('shows the code as XXXX-XXXX with numbered instructions, and copies it', async () => {
    const user = await openLinking();
    await askCode(user, '11987654321');
    const code = await screen.findByText(PAIRING_CODE);
    expectShown(screen.getByText('On the phone with +55 11 98765-4321:'));
    expect(screen.getAllByRole('listitem')).toHaveLength(4);
    await user.click(screen.getByRole('button', { name: 'Copy the code' }));
    expect((await screen.findByText('The code is copied.')).closest('[role="status"]')).not.toBeNull();
    // user-event's clipboard stands in for the browser's.
    expect(await navigator.clipboard.readText()).toBe(code.textContent);
  });

  it('says so when the browser refuses to copy', async () => {
    const user = await openLinking();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'));
    await askCode(user, '11987654321');
    await screen.findByText(PAIRING_CODE);
    await user.click(screen.getByRole('button', { name: 'Copy the code' }));
    expect((await screen.findByText('The code could not be copied. Select it and copy it by hand.')).closest('[role="status"]')).not.toBeNull();
  });

  it('says a provider failure in a sentence, keeps the number, and can go back to change it', async () => {
    const user = await openLinking();
    await askCode(user, '11900000010');
    expect((await screen.findByRole('alert')).textContent).toContain('The WhatsApp provider failed to answer.');
    expect(screen.queryByText(PAIRING_CODE)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Use another number' }));
    const field = await screen.findByLabelText<HTMLInputElement>('Phone number with area code');
    expect(field.value).toBe('11900000010');
  });
});

describe('linking by QR', () => {
  it('shows the first of three QR images with its alternative text', async () => {
    const user = await openLinking();
    await user.click(screen.getByRole('button', { name: /^With a QR code scanned by the phone/ }));
    const image = await screen.findByRole('img', { name: 'QR code that links this instance to WhatsApp' });
    expect(image.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expectShown(screen.getByText('QR 1 of 3'));
    await waitFor(() => expect(screen.getByRole('timer').textContent).toMatch(/^0:(20|1\d)$/));
  });
});
