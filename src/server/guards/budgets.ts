import type { OperationName } from '../../contract/operations';
import { setEmailResultSchema } from '../../contract/account';
import type { FlowStateStore } from './flow-state-store';
import { HOUR_MS, type GuardLimits } from '../../flow/limits';
import { hourlyRefusal, type Refusal, type WaitCode } from '../../flow/registration-rules';

/**
 * Budgets of what costs money, sends a message or checks a secret, per instance or for the whole
 * proxy, per rolling hour. They are counted when a call is let through to the provider (before it
 * leaves, so a burst across instances cannot overshoot), in the flow-state store's attempt logs, so
 * a shared store shares them between proxy processes.
 */
interface Budget {
  /** One count per instance, or one for the whole proxy. */
  scope: 'instance' | 'proxy';
  kind: string;
  limit: (limits: GuardLimits) => number;
  code: WaitCode;
}

const codeRequests: Budget[] = [
  { scope: 'instance', kind: 'code-request', limit: (l) => l.codeRequestsPerInstancePerHour, code: 'INSTANCE_CODE_BUDGET' },
  { scope: 'proxy', kind: 'code-request', limit: (l) => l.codeRequestsPerProxyPerHour, code: 'PROXY_CODE_BUDGET' },
];
/** Every answer to a secret, right or wrong, counts: a right one ends the challenge anyway. */
const guesses: Budget[] = [{ scope: 'instance', kind: 'guess', limit: (l) => l.guessesPerInstancePerHour, code: 'GUESS_BUDGET' }];
const emailSends: Budget[] = [{ scope: 'instance', kind: 'email-send', limit: (l) => l.emailSendsPerInstancePerHour, code: 'EMAIL_SEND_BUDGET' }];

const budgets: { [N in OperationName]?: Budget[] } = {
  requestCode: codeRequests,
  answerCaptcha: guesses,
  confirmCode: guesses,
  confirmPin: guesses,
  verifyAccountEmail: guesses,
  setAccountEmail: emailSends,
  // PIN recovery mails a link to the account's address.
  recoverPin: emailSends,
  requestPairingCode: [{ scope: 'instance', kind: 'pairing-code', limit: (l) => l.pairingCodesPerInstancePerHour, code: 'PAIRING_CODE_BUDGET' }],
  getQrCode: [{ scope: 'instance', kind: 'qr-code', limit: (l) => l.qrCodesPerInstancePerHour, code: 'QR_CODE_BUDGET' }],
};

/** The operations with a budget; they run one at a time per instance, like the registration guards. */
export const budgetedOperations: ReadonlySet<OperationName> = new Set(Object.keys(budgets) as OperationName[]);

const budgetKey = (budget: Budget, instanceKey: string) =>
  `budget\u0000${budget.scope === 'proxy' ? '' : instanceKey}\u0000${budget.kind}`;
const emailChallengeKey = (instanceKey: string) => `challenge\u0000${instanceKey}\u0000email`;

/**
 * The guess log of the e-mail code last sent (the one issued within a code lifetime). With none
 * known (a restart), guesses go to one shared log, so five still end them.
 */
async function emailGuessKey(store: FlowStateStore, instanceKey: string, now: number, limits: GuardLimits): Promise<string> {
  const issued = await store.attemptsSince(emailChallengeKey(instanceKey), now - limits.codeLifetimeMs);
  return `challenge\u0000${instanceKey}\u0000email-guess\u0000${issued[issued.length - 1] ?? 'unknown'}`;
}

/** The first budget the call would overrun, or null; nothing is counted here. */
export async function budgetRefusal(store: FlowStateStore, instanceKey: string, name: OperationName, now: number, limits: GuardLimits): Promise<Refusal | null> {
  const ofCall = budgets[name] ?? [];
  // Read together (one round trip on a shared store); the first budget overrun, in order, answers.
  const seen = await Promise.all(ofCall.map((budget) => store.attemptsSince(budgetKey(budget, instanceKey), now - HOUR_MS)));
  for (const [index, budget] of ofCall.entries()) {
    const refused = hourlyRefusal(seen[index] ?? [], budget.limit(limits), now, budget.code);
    if (refused) return refused;
  }
  if (name === 'verifyAccountEmail') {
    const tried = await store.attemptsSince(await emailGuessKey(store, instanceKey, now, limits), now - limits.codeLifetimeMs);
    if (tried.length >= limits.guessesPerChallenge) {
      const sendAgain = await budgetRefusal(store, instanceKey, 'setAccountEmail', now, limits);
      return { code: 'CHALLENGE_EXHAUSTED', retryAfterSeconds: sendAgain && 'retryAfterSeconds' in sendAgain ? sendAgain.retryAfterSeconds : 1 };
    }
  }
  return null;
}

/** Counts the call against its budgets: it is about to reach the provider. */
export async function spendBudgets(store: FlowStateStore, instanceKey: string, name: OperationName, now: number, limits: GuardLimits): Promise<void> {
  const spends = (budgets[name] ?? []).map((budget) => store.addAttempt(budgetKey(budget, instanceKey), now));
  if (name === 'verifyAccountEmail') spends.push(emailGuessKey(store, instanceKey, now, limits).then((key) => store.addAttempt(key, now)));
  await Promise.all(spends);
}

/** A set-e-mail answer that mailed a code opens a new challenge with its own five guesses. */
export async function afterBudgetedCall(store: FlowStateStore, instanceKey: string, name: OperationName, value: unknown, now: number): Promise<void> {
  if (name !== 'setAccountEmail') return;
  const parsed = setEmailResultSchema.safeParse(value);
  if (parsed.success && parsed.data.outcome === 'verification-sent') await store.addAttempt(emailChallengeKey(instanceKey), now);
}
