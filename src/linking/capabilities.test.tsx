import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { operations } from '../contract/operations';
import { initialState } from '../flow/state';
import { capabilitiesOf } from '../gateway/capabilities';
import { wawpAdapter } from '../providers/wawp';
import { phone } from '../test/builders';
import { expectFocused, expectShown } from '../test/assertions';
import { renderApp } from '../test/render-app';
import { mockServer } from '../test/setup-dom';

/** The proxy's answer for a Wawp instance, derived the way the proxy derives it. */
function answerAsWawp() {
  let asked = 0;
  mockServer.use(
    http.get(operations.getCapabilities.path, () => {
      asked += 1;
      return HttpResponse.json(capabilitiesOf(wawpAdapter));
    }),
  );
  return () => asked;
}

describe('what the instance supports', () => {
  it('offers linking only on a provider that cannot register, and says why in one sentence', async () => {
    const asked = answerAsWawp();
    renderApp(initialState, 'choose');
    const heading = await screen.findByRole('heading', { name: 'How will this instance use the number?' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expectShown(screen.getByText('This instance links to the phone that has WhatsApp: its provider cannot register the number here.'));
    expect(screen.getByRole('button', { name: /^Link to the phone that has WhatsApp/ })).toHaveProperty('disabled', false);
    expect(screen.queryByRole('button', { name: /^Register the number here/ })).toBeNull();
    expect(asked()).toBe(1);
  });

  it('offers both ways, as before, when the question fails', async () => {
    let asked = 0;
    mockServer.use(
      http.get(operations.getCapabilities.path, () => {
        asked += 1;
        return HttpResponse.json({ code: 'NOT_FOUND', message: 'x' }, { status: 404 });
      }),
    );
    renderApp(initialState, 'choose');
    expect(await screen.findByRole('button', { name: /^Register the number here/ })).toHaveProperty('disabled', false);
    expect(screen.getByRole('button', { name: /^Link to the phone that has WhatsApp/ })).toHaveProperty('disabled', false);
    expect(asked).toBe(1);
  });

  it('shows no way into account security on a provider without it, and says so', async () => {
    answerAsWawp();
    renderApp({ step: 'connected', phone });
    expectShown(await screen.findByText('This instance’s provider does not offer account security (e-mail and PIN).'));
    expect(screen.queryByRole('button', { name: 'Account security: e-mail and PIN' })).toBeNull();
    await expectFocused(screen.getByRole('heading', { name: 'Connected' }));
  });
});
