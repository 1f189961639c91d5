import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { brandOptions } from '../api/brand';
import { createQueryClient } from '../api/query-client';
import { BRAND_PATH, noBrand } from '../contract/brand';
import { initialState } from '../flow/state';
import { mockServer } from '../test/setup-dom';
import { renderApp } from '../test/render-app';

describe('the header', () => {
  it('shows the product name and logo the proxy is configured with', async () => {
    mockServer.use(http.get(BRAND_PATH, () => HttpResponse.json({ name: 'Acme Connect', logo: '/brand/logo' })));
    renderApp(initialState, 'choose');
    const header = screen.getByRole('banner');
    expect(await within(header).findByRole('heading', { level: 1, name: 'Acme Connect' })).toBeInstanceOf(HTMLHeadingElement);
    // The logo is decoration beside the name, and comes from the console's own origin.
    const logo = header.querySelector('img');
    expect(logo?.getAttribute('src')).toBe('/brand/logo');
    expect(logo?.getAttribute('alt')).toBe('');
  });

  it('shows the console’s own name without a brand', async () => {
    renderApp(initialState, 'choose');
    const header = screen.getByRole('banner');
    await screen.findByRole('button', { name: /^Register the number here/ });
    expect(within(header).getByRole('heading', { level: 1 }).textContent).toBe('WhatsApp number onboarding');
    expect(header.querySelector('img')).toBeNull();
  });

  it.each([
    ['a logo from another origin', () => HttpResponse.json({ name: 'Acme', logo: 'https://cdn.example/logo.png' })],
    ['no such path (the static demo)', () => new HttpResponse(null, { status: 404 })],
    ['a page instead of JSON', () => new HttpResponse('<html></html>', { headers: { 'content-type': 'text/html' } })],
  ])('takes %s as no brand', async (_case, answer) => {
    mockServer.use(http.get(BRAND_PATH, answer));
    expect(await createQueryClient().query(brandOptions)).toEqual(noBrand);
  });
});
