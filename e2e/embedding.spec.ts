import { expect, test, type Page } from '@playwright/test';
import { startPortal, type Portal } from '../examples/portal/server';
import { embedSessionSchema } from '../src/contract/embed';
import { startConsoleServer, type ConsoleServer } from './support/console-server';
import { expectNoAxeViolations } from './support/axe';
import { RegistrationPage } from './support/registration-page';

declare global {
  interface Window {
    portal?: { send: (message: unknown) => void };
  }
}

const secret = 'e2e-embed-secret-of-at-least-32-characters';
const issuer = 'example-portal';

/** A stranger's page: it posts to the console frame (its parent's first frame) as soon as it loads. */
const strangerPage = `<!doctype html><title>stranger</title><script>
  const target = new URLSearchParams(location.search).get('target');
  parent.frames[0].postMessage({ v: 1, type: 'theme', theme: { scheme: 'dark' } }, target);
  parent.frames[0].postMessage({ v: 1, type: 'reset' }, target);
  document.title = 'sent';
</script>`;

interface Embedding {
  portal: Portal;
  server: ConsoleServer;
  consoleUrl: string;
  /** What the portal heard, as it lists it ("ready", "step phoneEntry", "height", …). */
  heard: () => Promise<string[]>;
  sessions: string[];
  requests: string[];
  close: () => Promise<void>;
}

async function embed(page: Page, env: Record<string, string> = {}): Promise<Embedding> {
  let consoleUrl = '';
  const portal = await startPortal({ consoleUrl: () => consoleUrl, secret, issuer, instance: 'default', extraPages: { '/stranger.html': strangerPage } });
  const server = await startConsoleServer({
    LOG_LEVEL: 'info',
    EMBED_ENABLED: 'true',
    EMBED_ISSUER: issuer,
    EMBED_SECRET: secret,
    EMBED_ALLOWED_ORIGINS: portal.origin,
    ...env,
  });
  consoleUrl = `${server.url}/`;
  const sessions: string[] = [];
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('response', (response) => {
    if (!response.url().endsWith('/api/v1/embed/session') || !response.ok()) return;
    void response.json().then((body: unknown) => {
      const parsed = embedSessionSchema.safeParse(body);
      if (parsed.success) sessions.push(parsed.data.session);
    });
  });
  return {
    portal,
    server,
    consoleUrl,
    sessions,
    requests,
    heard: () => page.locator('#messages li').allTextContents(),
    close: async () => {
      // The browser's connections go first, so the proxy's graceful shutdown has none to wait for.
      await page.context().close();
      await server.stop();
      await portal.close();
    },
  };
}

/** Runs one scenario against a fresh portal and console, and stops both whatever happens. */
async function withEmbedding(
  page: Page,
  env: Record<string, string>,
  run: (embedding: Embedding, registration: RegistrationPage) => Promise<void>,
): Promise<void> {
  const embedding = await embed(page, env);
  try {
    await run(embedding, new RegistrationPage(page, embedding.consoleUrl, page.frameLocator('#console')));
  } finally {
    await embedding.close();
  }
}

/** Nothing secret in the console's storage, in a URL a server received, or in the proxy's logs. */
async function expectNoSecretsLeaked(page: Page, embedding: Embedding): Promise<void> {
  const secrets = [...embedding.portal.minted, ...embedding.sessions, ...embedding.sessions.map((session) => session.slice(3)), secret];
  expect(embedding.portal.minted.length).toBeGreaterThan(0);
  expect(embedding.sessions.length).toBeGreaterThan(0);
  const consoleFrame = page.frames().find((frame) => frame.url().startsWith(embedding.consoleUrl));
  if (!consoleFrame) throw new Error('no console frame');
  const storage = await consoleFrame.evaluate(() => {
    const dump = (store: Storage) => Array.from({ length: store.length }, (_, index) => `${store.key(index) ?? ''}=${store.getItem(store.key(index) ?? '') ?? ''}`);
    return JSON.stringify([...dump(localStorage), ...dump(sessionStorage)]);
  });
  // The fragment never leaves the browser, so what a server sees is the URL without it.
  const sentUrls = embedding.requests.map((url) => url.split('#')[0] ?? '');
  for (const value of secrets) {
    expect(storage).not.toContain(value);
    for (const url of sentUrls) expect(url).not.toContain(value);
    expect(embedding.server.output()).not.toContain(value);
  }
  expect(consoleFrame.url()).not.toContain('#t=');
}

test('a portal frames the console, registers a number to connected and hears ready, step, connected and height in order', async ({ page }) => {
  // Two axe passes, two page loads and two processes on a shared 2-core machine.
  test.slow();
  await withEmbedding(page, {}, async (embedding, registration) => {
    await page.goto(`${embedding.portal.origin}/`);
    await registration.chooseRegister();
    await expect(registration.heading('Which number do you want to connect?')).toBeVisible();
    await expectNoAxeViolations(page, 'embedded phone entry');
    await registration.submitNumber('11 98765-4321');
    await expect(registration.heading('How should WhatsApp send the code?')).toBeVisible();
    await registration.chooseMethod(/Text message \(SMS\)/);
    await expect(registration.heading('Enter the code')).toBeVisible();
    await registration.enterCode('123456');
    await expect(registration.heading('Connected')).toBeVisible();
    await expectNoAxeViolations(page, 'embedded connected');

    await expect.poll(async () => (await embedding.heard()).includes('connected')).toBe(true);
    const heard = await embedding.heard();
    expect(heard[0]).toBe('ready');
    expect(heard[1]).toBe('step phoneEntry');
    expect(heard).toEqual(expect.arrayContaining(['step choosingMethod', 'step awaitingCode', 'step connected']));
    const connectedAt = heard.indexOf('connected');
    expect(heard.indexOf('step phoneEntry')).toBeLessThan(connectedAt);
    await expect.poll(async () => (await embedding.heard()).slice(connectedAt).includes('height')).toBe(true);
    await expectNoSecretsLeaked(page, embedding);

    // A new journey on the now connected instance opens the connected screen, and the portal hears it.
    await page.frames().find((frame) => frame.url().startsWith(embedding.consoleUrl))?.evaluate(() => sessionStorage.clear());
    await page.reload();
    await expect(registration.heading('Connected')).toBeVisible();
    await expect(page.frameLocator('#console').getByText('This instance already has a connected number.')).toBeVisible();
    await expect.poll(() => embedding.heard()).toEqual(expect.arrayContaining(['ready', 'step phoneEntry', 'connected']));
  });
});

test('a page on an origin that is not allowed cannot frame the console, and its token is never exchanged', async ({ page }) => {
  await withEmbedding(page, {}, async (embedding) => {
    const framed = page.waitForResponse((response) => response.url().startsWith(embedding.consoleUrl) && response.request().resourceType() === 'document');
    // Same server, other origin: localhost is not 127.0.0.1.
    await page.goto(`http://localhost:${String(embedding.portal.port)}/`, { waitUntil: 'domcontentloaded' });
    const response = await framed;
    expect(response.headers()['content-security-policy']).toContain(`frame-ancestors ${embedding.portal.origin}`);
    await expect.poll(() => page.frames().some((frame) => frame.url().startsWith('chrome-error://'))).toBe(true);
    expect(embedding.requests.filter((url) => url.includes('/api/'))).toEqual([]);
    expect(await embedding.heard()).toEqual([]);
  });
});

test('messages from another origin, or from a window that is not the parent, are ignored', async ({ page }) => {
  await withEmbedding(page, {}, async (embedding, registration) => {
    await page.goto(`${embedding.portal.origin}/`);
    await registration.chooseRegister();
    const frame = page.frameLocator('#console');
    await registration.submitNumber('11 98765-4321');
    await expect(registration.heading('How should WhatsApp send the code?')).toBeVisible();

    const consoleOrigin = new URL(embedding.consoleUrl).origin;
    for (const strangerOrigin of [`http://localhost:${String(embedding.portal.port)}`, embedding.portal.origin]) {
      await page.evaluate(
        ({ src }) =>
          new Promise<void>((done) => {
            const stranger = document.createElement('iframe');
            stranger.src = src;
            stranger.addEventListener('load', () => done());
            document.body.append(stranger);
          }),
        { src: `${strangerOrigin}/stranger.html?target=${encodeURIComponent(consoleOrigin)}` },
      );
    }
    // The portal itself, after the strangers: its message is handled, theirs were not.
    await page.evaluate(() => window.portal?.send({ v: 1, type: 'theme', theme: { accent: '#123456' } }));
    const root = frame.locator('html');
    await expect.poll(() => root.evaluate((element) => element.style.getPropertyValue('--wa-accent'))).toBe('#123456');
    await expect(root).not.toHaveAttribute('data-theme', 'dark');
    await expect(registration.heading('How should WhatsApp send the code?')).toBeVisible();
  });
});

test('an expired session is renewed by the portal without losing the step, and a reframed console resumes it', async ({ page }) => {
  await withEmbedding(page, { EMBED_SESSION_IDLE_SECONDS: '5', EMBED_SESSION_MAX_SECONDS: '60' }, async (embedding, registration) => {
    const codeRequests: number[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('/api/v1/registration/code-request')) codeRequests.push(response.status());
    });
    await page.goto(`${embedding.portal.origin}/`);
    await registration.chooseRegister();
    const frame = page.frameLocator('#console');
    await registration.submitNumber('11 98765-4321');
    await expect(registration.heading('How should WhatsApp send the code?')).toBeVisible();

    // Idle past the session's limit; the proxy now refuses the session.
    await page.waitForTimeout(5_500);
    await registration.chooseMethod(/Text message \(SMS\)/);
    await expect(frame.getByText('Session renewed. Repeat your last action to continue.')).toBeVisible();
    await expect(registration.heading('How should WhatsApp send the code?')).toBeVisible();
    expect(await embedding.heard()).toEqual(expect.arrayContaining(['token-expired', 'error TOKEN_EXPIRED']));
    expect(codeRequests).toEqual([401]);

    // The operator repeats the action; nothing was re-sent by itself.
    await registration.chooseMethod(/Text message \(SMS\)/);
    await expect(registration.heading('Enter the code')).toBeVisible();
    expect(codeRequests).toEqual([401, 200]);

    // The portal reloads: a new frame with a new token resumes the same step.
    await page.reload();
    await expect(registration.heading('Enter the code')).toBeVisible();
    await expectNoSecretsLeaked(page, embedding);
  });
});

test('a frame with a replayed or forged token says it could not open, and posts nothing to the portal', async ({ page }) => {
  await withEmbedding(page, {}, async (embedding, registration) => {
    await page.goto(`${embedding.portal.origin}/`);
    await registration.chooseRegister();
    await expect(registration.heading('Which number do you want to connect?')).toBeVisible();
    const used = embedding.portal.minted[0] ?? '';
    const heardFromOthers = await page.evaluate(
      async ({ consoleUrl, tokens }) => {
        const origin = new URL(consoleUrl).origin;
        const frames: Window[] = [];
        let heard = 0;
        window.addEventListener('message', (event) => {
          if (event.origin === origin && frames.some((frame) => frame === event.source)) heard += 1;
        });
        for (const [index, token] of tokens.entries()) {
          await new Promise<void>((done) => {
            const frame = document.createElement('iframe');
            frame.title = `console ${String(index)}`;
            frame.addEventListener('load', () => done());
            frame.src = `${consoleUrl}#t=${encodeURIComponent(token)}`;
            document.body.append(frame);
            if (frame.contentWindow) frames.push(frame.contentWindow);
          });
        }
        await new Promise((done) => setTimeout(done, 1_000));
        return heard;
      },
      { consoleUrl: embedding.consoleUrl, tokens: [used, 'not.a.token'] },
    );
    for (const title of ['console 0', 'console 1']) {
      await expect(page.frameLocator(`iframe[title="${title}"]`).getByRole('heading', { name: 'This console could not open' })).toBeVisible();
    }
    expect(heardFromOthers).toBe(0);
    await expect(registration.heading('Which number do you want to connect?')).toBeVisible();
  });
});
