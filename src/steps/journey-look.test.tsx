import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { buildCodeContext, phone } from '../test/builders';
import { expectFocused, expectShown } from '../test/assertions';
import { renderApp } from '../test/render-app';

/** The way each screen shows where the operator is, what state things are in, and what to do next. */
describe('the journey as the operator sees it', () => {
  it('goes back from the phone step to the first choice, and the stepper marks the current step', async () => {
    const user = userEvent.setup();
    renderApp();
    await screen.findByRole('heading', { name: 'Which number do you want to connect?' });
    const progress = screen.getByRole('navigation', { name: 'Progress' });
    const current = progress.querySelector('[aria-current="step"]');
    expect(current?.textContent).toContain('Number');
    await user.click(screen.getByRole('button', { name: 'Back' }));
    await expectFocused(await screen.findByRole('heading', { name: 'How will this instance use the number?' }));
  });

  it('on the code step, offers a new code only once one can be sent, and says when', async () => {
    const now = Date.now();
    const waiting = buildCodeContext({ deadlines: { sms: now + 46_000, voice: now + 90_000, wa_old: null }, sentMethod: 'sms', resendAt: now + 46_000 });
    const { unmount } = renderApp({ step: 'awaitingCode', phone, code: waiting, notice: null, error: null });
    const resend = await screen.findByRole('button', { name: /^New code in 0:4[56]$/ });
    expect(resend).toHaveProperty('disabled', true);
    expect(screen.queryByRole('button', { name: 'Ask for a new code' })).toBeNull();
    unmount();

    const ready = buildCodeContext({ deadlines: { sms: now + 46_000, voice: now - 1, wa_old: null }, sentMethod: 'sms', resendAt: now - 1 });
    renderApp({ step: 'awaitingCode', phone, code: ready, notice: null, error: null });
    expect(await screen.findByRole('button', { name: 'Ask for a new code' })).toHaveProperty('disabled', false);
  });

  it('shows a method that cannot be used as disabled, with the reason, and the wait as a timer', async () => {
    const now = Date.now();
    renderApp({
      step: 'choosingMethod',
      phone,
      code: buildCodeContext({ deadlines: { sms: now + 46_000, voice: now, wa_old: now }, waOldEligible: false, sentMethod: null }),
      notice: null,
      error: null,
    });
    const popUp = await screen.findByRole('button', { name: /^Pop-up on the phone/ });
    expect(popUp).toHaveProperty('disabled', true);
    expect(popUp.textContent).toContain('WhatsApp sends the pop-up only when it knows the phone that has the number now');
    // A disabled card has no hover highlight: every hover style is limited to enabled buttons.
    expect(popUp.className.split(/\s+/).filter((name) => name.startsWith('hover:'))).toEqual([]);
    const sms = screen.getByRole('button', { name: /^Text message/ });
    expect(within(sms).getByRole('timer').textContent).toMatch(/^0:4[56]$/);
  });

  it.each([
    ['blockedNoAppeal', 'This number cannot be registered', 'danger'],
    ['unbanned', 'The ban was lifted', 'success'],
    ['appealInReview', 'The appeal is being reviewed', 'info'],
  ] as const)('marks %s as a status screen of its own (%s)', async (step, heading, tone) => {
    renderApp({ step, phone });
    const title = await screen.findByRole('heading', { name: heading });
    expect(title.closest('section')?.getAttribute('data-status')).toBe(tone);
    expect(title.closest('section')?.querySelector('svg')).not.toBeNull();
  });

  it('draws banned, blocked, not available and connected each in its own way: tone and icon', async () => {
    const screens = [
      [{ step: 'bannedAppealable', phone, notice: null, error: null }, 'WhatsApp has banned this number'],
      [{ step: 'blockedNoAppeal', phone }, 'This number cannot be registered'],
      [{ step: 'unavailable', phone, reason: 'temporarily_unavailable', retryAt: null }, 'This number cannot be registered right now'],
      [{ step: 'connected', phone }, 'Connected'],
    ] as const;
    const looks: string[] = [];
    for (const [state, heading] of screens) {
      const view = renderApp(state);
      const section = (await screen.findByRole('heading', { name: heading })).closest('section');
      const icon = section?.querySelector('svg')?.innerHTML ?? '';
      expect(icon).not.toBe('');
      looks.push(`${section?.getAttribute('data-status') ?? ''} ${icon}`);
      view.unmount();
    }
    expect(new Set(looks).size).toBe(screens.length);
    expect(looks.map((look) => look.split(' ')[0])).toEqual(['danger', 'danger', 'warning', 'success']);
  });

  it('tells the operator to press the button after allowing the transfer, since the screen does not move on by itself', async () => {
    renderApp({ step: 'awaitingTransfer', phone, notice: null, error: null });
    const button = await screen.findByRole('button', { name: 'I accepted it' });
    expectShown(button);
    const steps = screen.getByText(/^Tap to allow it/);
    expect(steps.textContent).toContain('“I accepted it”');
    expect(steps.textContent).not.toMatch(/moves on/);
  });

  it('draws the registration PIN as dots, like the account PIN', async () => {
    renderApp({ step: 'awaitingPin', phone, notice: null, error: null });
    expect((await screen.findByLabelText('6-digit PIN')).getAttribute('type')).toBe('password');
  });

  it('after "Try again" on an outage, keeps focus on the busy button and says the retry happened', async () => {
    const user = userEvent.setup();
    renderApp();
    await user.type(await screen.findByLabelText('Phone number with area code'), '11900000010');
    await user.click(screen.getByRole('button', { name: 'Check the number' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The WhatsApp provider is not answering');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await expectFocused(screen.getByRole('button', { name: /Check the number|Checking the number…/ }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Tried again 1×'));
  });

  it('says "Checking the number…" once, with one spinner, and "still working" after 3 s', async () => {
    const user = userEvent.setup();
    renderApp();
    await user.type(await screen.findByLabelText('Phone number with area code'), '11900000011');
    await user.click(screen.getByRole('button', { name: 'Check the number' }));
    const button = await screen.findByRole('button', { name: 'Checking the number…' });
    expect(button.getAttribute('aria-busy')).toBe('true');
    expect(screen.getAllByText('Checking the number…')).toHaveLength(1);
    expect(document.querySelectorAll('.animate-spin, .motion-safe\\:animate-spin')).toHaveLength(1);
    expectShown(await screen.findByText(/^Still working/, {}, { timeout: 3800 }));
  });

  it('gives the two ways out of a dead end different meanings: another number, or back to the first choice', async () => {
    const user = userEvent.setup();
    renderApp({ step: 'blockedNoAppeal', phone });
    await user.click(await screen.findByRole('button', { name: 'Start over' }));
    await expectFocused(await screen.findByRole('heading', { name: 'How will this instance use the number?' }));
  });
});
