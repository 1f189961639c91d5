import { setupWorker } from 'msw/browser';
import { z } from 'zod/mini';
import type { HandoffOwnerOperationName } from '../contract/handoff';
import type { ApiReply } from '../gateway/api-call';
import { createMockApi } from './api-handlers';

/** How long the owner's page waits for the page that made the link to answer. */
const RELAY_TIMEOUT_MS = 3_000;

const relayMessageSchema = z.object({
  id: z.string(),
  ask: z.optional(z.object({ name: z.enum(['openHandoff', 'submitHandoffCode', 'submitHandoffPin', 'recoverHandoffPin']), body: z.unknown() })),
  reply: z.optional(z.object({ status: z.int(), body: z.unknown() })),
});
type RelayMessage = z.infer<typeof relayMessageSchema>;

/**
 * The demo keeps each page's journey in that page. A hand-off link opened in another tab of the same
 * browser reaches the page that made it over a BroadcastChannel (same origin only), so the demo's
 * owner page works as the proxy's does.
 */
function createRelay() {
  const channel = new BroadcastChannel('wa-onboarding-demo-handoff');
  const waiting = new Map<string, (reply: ApiReply) => void>();
  let answer: ((name: HandoffOwnerOperationName, body: unknown) => Promise<ApiReply | null>) | null = null;
  channel.onmessage = (event: MessageEvent) => {
    const parsed = relayMessageSchema.safeParse(event.data);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.reply) waiting.get(message.id)?.(message.reply);
    else if (message.ask && answer) {
      void answer(message.ask.name, message.ask.body).then((reply) => {
        if (reply) channel.postMessage({ id: message.id, reply: { status: reply.status, body: reply.body } } satisfies RelayMessage);
      });
    }
  };
  return {
    serve: (handler: typeof answer) => {
      answer = handler;
    },
    ask: (name: HandoffOwnerOperationName, body: unknown) =>
      new Promise<ApiReply | null>((resolve) => {
        const id = crypto.randomUUID();
        const timer = setTimeout(() => {
          waiting.delete(id);
          resolve(null);
        }, RELAY_TIMEOUT_MS);
        waiting.set(id, (reply) => {
          clearTimeout(timer);
          waiting.delete(id);
          resolve(reply);
        });
        channel.postMessage({ id, ask: { name, body } } satisfies RelayMessage);
      }),
  };
}

export async function startDemoWorker(): Promise<void> {
  // On a reload MSW asks the browser to re-check the registered worker without waiting for the
  // answer; when that check fails (the host did not answer for a moment), the worker already
  // running keeps serving, so the rejection is no error of the demo's.
  window.addEventListener('unhandledrejection', (event) => {
    const reason: unknown = event.reason;
    if (reason instanceof Error && reason.message.startsWith('Failed to update a ServiceWorker')) event.preventDefault();
  });
  const relay = createRelay();
  const { handlers, answerOwner } = createMockApi(relay.ask);
  relay.serve(answerOwner);
  await setupWorker(...handlers).start({
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
}
