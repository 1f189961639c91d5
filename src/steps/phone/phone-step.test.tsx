import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { initialState } from '../../flow/state';
import { descriptionOf, expectFocused, expectShown } from '../../test/assertions';
import { renderApp } from '../../test/render-app';

describe('the phone step’s countries', () => {
  it('lists every country with its calling code, Brazil first, and finds one by name or code', async () => {
    const user = userEvent.setup();
    renderApp(initialState);
    const select = await screen.findByLabelText<HTMLSelectElement>('Country');
    const options = within(select).getAllByRole('option');
    expect(options.length).toBeGreaterThan(240);
    expect(options[0]?.textContent).toBe('Brazil (+55)');
    expect(select.value).toBe('BR');

    const search = screen.getByLabelText('Find the country');
    await user.type(search, '+351');
    expect(select.value).toBe('PT');
    expect(within(select).getAllByRole('option').map((option) => option.textContent)).toEqual(['Portugal (+351)']);
    expect(descriptionOf(screen.getByLabelText('Phone number with area code'))).toContain('For example 912 345 678.');

    await user.clear(search);
    await user.type(search, 'new zea');
    expect(select.value).toBe('NZ');

    await user.clear(search);
    await user.paste('atlantis');
    expectShown(screen.getByText('No country matches “atlantis”.'));
    // The chosen country stays: nothing is left unselected.
    expect(select.value).toBe('NZ');
  });

  it('says a number the proxy found not to exist on the number field, until it is changed', async () => {
    const user = userEvent.setup();
    renderApp({ step: 'phoneEntry', phone: { ddi: '55', phone: '1112345678' }, error: { code: 'INVALID_REQUEST', field: 'phone' } });
    const field = await screen.findByLabelText('Phone number with area code');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(field)).toContain('This number does not exist in Brazil. Check the area code and the digits.');
    expect(screen.queryByRole('alert')).toBeNull();
    await expectFocused(field);
    await user.type(field, '9');
    expect(field.getAttribute('aria-invalid')).toBeNull();
  });
});
