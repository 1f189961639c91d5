import type { ErrorBody, ErrorCode } from './errors';

/**
 * What each failure of the catalogue answers with. The body never carries upstream text: `message`
 * is the fixed English sentence below, and the browser maps `code` to its own words.
 */
export const errorCatalogue = {
  INVALID_REQUEST: { status: 400, message: 'The request is not valid.' },
  UNAUTHORIZED: { status: 401, message: 'Sign in to continue.' },
  TOKEN_EXPIRED: { status: 401, message: 'The session has expired.' },
  FORBIDDEN: { status: 403, message: 'This request is not allowed.' },
  /** A state-changing call sent by a page on another site (CSRF). */
  CROSS_SITE_REQUEST: { status: 403, message: 'Requests sent by another site are not accepted.' },
  NOT_FOUND: { status: 404, message: 'No such operation.' },
  METHOD_NOT_ALLOWED: { status: 405, message: 'Method not allowed.' },
  STEP_OUT_OF_ORDER: { status: 409, message: 'This step cannot be taken now.' },
  ALREADY_CONNECTED: { status: 409, message: 'The instance is already connected.' },
  /** Account security needs a connected number; the provider said there is none. */
  NOT_CONNECTED: { status: 409, message: 'The instance is not connected.' },
  /** The provider's session is not waiting for a pairing code yet (Wawp 422); asking again works. */
  LINK_NOT_READY: { status: 409, message: 'The provider is not ready to link a device yet; ask again.' },
  REQUEST_TIMEOUT: { status: 408, message: 'The request took too long to arrive.' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request body is too large.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Send the request as application/json.' },
  RATE_LIMITED: { status: 429, message: 'Too many requests; wait before trying again.' },
  // Budgets of what costs money, sends a message or checks a secret (docs/security.md). Each 429
  // carries retryAfterSeconds and Retry-After: when the same call may succeed again.
  INSTANCE_CODE_BUDGET: { status: 429, message: 'This instance asked for too many verification codes in the last hour.' },
  PROXY_CODE_BUDGET: { status: 429, message: 'The console asked for too many verification codes in the last hour.' },
  NUMBER_BUDGET: { status: 429, message: 'Too many different numbers were checked on this instance in the last hour.' },
  EMAIL_SEND_BUDGET: { status: 429, message: 'Too many verification e-mails were sent for this instance in the last hour.' },
  PAIRING_CODE_BUDGET: { status: 429, message: 'Too many pairing codes were asked for on this instance in the last hour.' },
  QR_CODE_BUDGET: { status: 429, message: 'Too many QR codes were fetched for this instance in the last hour.' },
  GUESS_BUDGET: { status: 429, message: 'Too many answers were tried on this instance in the last hour.' },
  /** Five answers were tried against one code or captcha: a new one must be asked for. */
  CHALLENGE_EXHAUSTED: { status: 429, message: 'No attempts are left for this code; ask for a new one.' },
  SIGN_IN_BUDGET: { status: 429, message: 'Too many failed sign-ins from this address.' },
  HEADERS_TOO_LARGE: { status: 431, message: 'The request headers are too large.' },
  INTERNAL: { status: 500, message: 'Something went wrong in the console server.' },
  PROVIDER_REJECTED: { status: 502, message: 'The provider refused the request.' },
  PROVIDER_ERROR: { status: 502, message: 'The provider failed to answer correctly.' },
  UPSTREAM_TOO_LARGE: { status: 502, message: 'The provider answered with too much data.' },
  /** The connection broke after the request was sent: the provider may have acted on it. */
  UPSTREAM_RESET: { status: 502, message: 'The connection to the provider broke before it answered.' },
  /** No connection could be made: the provider never saw the request. */
  UPSTREAM_UNAVAILABLE: { status: 503, message: 'The provider cannot be reached.' },
  /** The proxy's shared state (Redis) cannot be reached: nothing was sent to the provider. */
  STATE_UNAVAILABLE: { status: 503, message: 'The console server cannot reach its shared state; nothing was sent.' },
  /** The provider did not answer in time: it may have acted on the request. */
  UPSTREAM_TIMEOUT: { status: 504, message: 'The provider took too long to answer.' },
  /** The server is stopping; a call in flight that could not finish in the drain window gets this. */
  SHUTTING_DOWN: { status: 503, message: 'The console server is restarting; try again in a moment.' },
} as const satisfies Record<ErrorCode, { status: number; message: string }>;

export function errorBody(
  code: ErrorCode,
  extra: Pick<ErrorBody, 'fields' | 'retryAfterSeconds'> = {},
): ErrorBody {
  return { code, message: errorCatalogue[code].message, ...extra };
}
