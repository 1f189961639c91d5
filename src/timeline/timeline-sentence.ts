import type { TimelineEvent } from '../contract/timeline';
import type { TimelineMessageKey, TimelineTranslate } from '../i18n/timeline';

/** The outcome words the proxy writes, and their message; a word the console does not know yet reads as "done". */
const outcomeKeys: Readonly<Record<string, TimelineMessageKey>> = {
  'available': 'timeline.outcome.available',
  'banned': 'timeline.outcome.banned',
  'unavailable': 'timeline.outcome.unavailable',
  'blocked': 'timeline.outcome.blocked',
  'sent': 'timeline.outcome.sent',
  'captcha': 'timeline.outcome.captcha',
  'not-sent': 'timeline.outcome.not-sent',
  'accepted': 'timeline.outcome.accepted',
  'rejected': 'timeline.outcome.rejected',
  'connected': 'timeline.outcome.connected',
  'pin-required': 'timeline.outcome.pin-required',
  'transfer-required': 'timeline.outcome.transfer-required',
  'wrong-code': 'timeline.outcome.wrong-code',
  'wrong-pin': 'timeline.outcome.wrong-pin',
  'email-sent': 'timeline.outcome.email-sent',
  'no-email': 'timeline.outcome.no-email',
  'not-accepted-yet': 'timeline.outcome.not-accepted-yet',
  'in-review': 'timeline.outcome.in-review',
  'unbanned': 'timeline.outcome.unbanned',
  'issued': 'timeline.outcome.issued',
  'verification-sent': 'timeline.outcome.verification-sent',
  'saved': 'timeline.outcome.saved',
  'invalid-email': 'timeline.outcome.invalid-email',
  'verified': 'timeline.outcome.verified',
  'removed': 'timeline.outcome.removed',
  'refused': 'timeline.outcome.refused',
  'failed': 'timeline.outcome.failed',
};

/** One event as a sentence in the operator's language: what was done, to which number, how it ended. */
export function timelineSentence(event: TimelineEvent, t: TimelineTranslate): string {
  return t(`timeline.kind.${event.kind}`, {
    number: event.number ?? t('timeline.noNumber'),
    outcome: t(outcomeKeys[event.outcome] ?? 'timeline.outcome.other'),
    method: t(event.method === null ? 'timeline.method.none' : `timeline.method.${event.method}`),
  });
}
