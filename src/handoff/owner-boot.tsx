import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { handoffTokenSchema } from '../contract/handoff';
import { pickLocale } from '../i18n/locales';
import { OwnerPage } from './owner-page';

/** The hand-off link's address: `…/h/#/handoff/<token>` (the token stays in the fragment, never sent in a URL). */
export const HANDOFF_HASH_PREFIX = '#/handoff/';

/**
 * The number owner's page, a chunk of its own: loaded instead of the console when the address holds
 * a hand-off token, so the owner's phone never asks the operator's calls (or their sign-in).
 */
function bootHandoff(): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  const parsed = handoffTokenSchema.safeParse(window.location.hash.slice(HANDOFF_HASH_PREFIX.length));
  const locale = pickLocale(window.location.search, navigator.languages);
  // A mangled token shows the "link does not work" page without asking the proxy.
  createRoot(root).render(
    <StrictMode>
      <OwnerPage token={parsed.success ? parsed.data : ''} initialLocale={locale} />
    </StrictMode>,
  );
}

// Loaded only to show this page: importing the chunk shows it.
bootHandoff();
