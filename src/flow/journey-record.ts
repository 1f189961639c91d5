import type { DeliveryMethod } from '../contract/common';
import type { EnteredBy } from '../contract/journey';

/**
 * Where a registration journey is, per instance, as the proxy saw it. It holds no secret: no code,
 * no PIN, no captcha answer, no appeal token (that one stays in the provider memory).
 */
export interface FlowRecord extends NumberWaits {
  /** `ddi:phone` of the number whose availability was checked last. */
  number: string;
  step: 'available' | 'captcha' | 'pin' | 'transfer' | 'banned' | 'connected' | 'closed';
  /** The method asked for when the provider answered with a captcha. */
  captchaMethod: DeliveryMethod | null;
  /** Answers tried against the current captcha. */
  captchaAnswers: number;
  wrongPins: number;
  /**
   * The waits of numbers checked before this one, by `ddi:phone`, kept until they end: checking
   * another number never resets a number's wait, its outstanding code or its wrong-code count.
   */
  parked: Record<string, NumberWaits>;
  /** When each number checked in the last hour was first checked (the distinct-number budget). */
  checked: Record<string, number>;
  /** Who entered the last code or PIN that moved the journey on (the console says so). */
  lastEntry?: { by: EnteredBy; at: number };
}

/** What belongs to one number rather than to the journey: its waits and its outstanding code. */
export interface NumberWaits {
  /** Epoch ms from which each method may be requested; null when the provider said it cannot be. */
  deadlines: Record<DeliveryMethod, number | null>;
  /** After a code went out (or may have), no method may be requested before this. */
  resendAt: number;
  sentMethod: DeliveryMethod | null;
  /** When the current code was issued (or may have been); null when none is outstanding. */
  codeIssuedAt: number | null;
  wrongCodes: number;
}
