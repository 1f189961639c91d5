/** What the portal hears of a hand-off link: that one was made, used, or ended unused. Never its token. */
export type HandoffNews = 'created' | 'used' | 'expired';

const listeners = new Set<(news: HandoffNews) => void>();

/** Told by the operator's hand-off panel; the embedded console passes it on to the portal. */
export function announceHandoff(news: HandoffNews): void {
  for (const listener of listeners) listener(news);
}

export function onHandoffNews(listener: (news: HandoffNews) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
