import type { FlowError, FlowErrorCode } from '../flow/state';
import type { MessageKey } from '../i18n/messages';

/** What the operator can do next about a failure. */
export type ErrorAction = 'retry' | 'reload' | 'startOver';

/**
 * Every failure, from the proxy's catalogue or from the browser, mapped to one sentence and one next
 * action. This is the only place that decides what an error says.
 */
const presentation: Record<FlowErrorCode, ErrorAction> = {
  INVALID_REQUEST: 'retry',
  UNAUTHORIZED: 'reload',
  TOKEN_EXPIRED: 'reload',
  FORBIDDEN: 'reload',
  CROSS_SITE_REQUEST: 'reload',
  REQUEST_TIMEOUT: 'retry',
  HEADERS_TOO_LARGE: 'reload',
  INSTANCE_CODE_BUDGET: 'retry',
  PROXY_CODE_BUDGET: 'retry',
  NUMBER_BUDGET: 'startOver',
  EMAIL_SEND_BUDGET: 'retry',
  PAIRING_CODE_BUDGET: 'retry',
  QR_CODE_BUDGET: 'retry',
  GUESS_BUDGET: 'retry',
  CHALLENGE_EXHAUSTED: 'retry',
  SIGN_IN_BUDGET: 'reload',
  SHUTTING_DOWN: 'retry',
  NOT_FOUND: 'reload',
  METHOD_NOT_ALLOWED: 'reload',
  UNSUPPORTED_MEDIA_TYPE: 'reload',
  STEP_OUT_OF_ORDER: 'startOver',
  ALREADY_CONNECTED: 'startOver',
  NOT_CONNECTED: 'startOver',
  LINK_NOT_READY: 'retry',
  PAYLOAD_TOO_LARGE: 'retry',
  RATE_LIMITED: 'retry',
  INTERNAL: 'retry',
  PROVIDER_REJECTED: 'retry',
  PROVIDER_ERROR: 'retry',
  UPSTREAM_TOO_LARGE: 'retry',
  UPSTREAM_RESET: 'retry',
  UPSTREAM_UNAVAILABLE: 'retry',
  STATE_UNAVAILABLE: 'retry',
  UPSTREAM_TIMEOUT: 'retry',
  NETWORK: 'retry',
  OFFLINE: 'retry',
  INVALID_RESPONSE: 'retry',
  CLIENT_TIMEOUT: 'retry',
};

export function errorAction(error: FlowError): ErrorAction {
  return presentation[error.code];
}

/** The refusals whose sentence says when to try again ({time}). */
const waitsForTime: ReadonlySet<FlowErrorCode> = new Set<FlowErrorCode>([
  'RATE_LIMITED',
  'INSTANCE_CODE_BUDGET',
  'PROXY_CODE_BUDGET',
  'NUMBER_BUDGET',
  'EMAIL_SEND_BUDGET',
  'PAIRING_CODE_BUDGET',
  'QR_CODE_BUDGET',
  'GUESS_BUDGET',
  'CHALLENGE_EXHAUSTED',
  'SIGN_IN_BUDGET',
]);

export function errorMessageKey(error: FlowError): MessageKey {
  // Every 429 sentence names the time; without one, the general sentence says "a few minutes".
  if (error.retryAfterSeconds === undefined && waitsForTime.has(error.code)) return 'error.RATE_LIMITED.noTime';
  return `error.${error.code}`;
}

export const actionLabel: Record<ErrorAction, MessageKey> = {
  retry: 'action.retry',
  reload: 'action.reload',
  startOver: 'action.startOver',
};
