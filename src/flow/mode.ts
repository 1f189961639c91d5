import { z } from 'zod/mini';
import { phoneNumberSchema } from '../contract/common';
import { isFreshStart, type FlowState } from './state';

/**
 * Which way the operator took, above the registration journey: the first screen's choice, registering
 * the number here, or linking this instance to the phone that keeps WhatsApp (by pairing code or QR).
 * Pure like the journey's machine; kept in the tab's storage, so a reload returns to the same place.
 */
const issuedCodeSchema = z.strictObject({
  code: z.string(),
  /** Epoch ms after which the code is never shown. */
  deadline: z.number(),
  /** The code replaced one that expired. */
  renewal: z.boolean(),
});
export type IssuedCode = z.infer<typeof issuedCodeSchema>;

const linkViewSchema = z.discriminatedUnion('view', [
  z.strictObject({ view: z.literal('method') }),
  z.strictObject({ view: z.literal('phone'), phone: z.nullable(phoneNumberSchema) }),
  z.strictObject({ view: z.literal('code'), phone: phoneNumberSchema, issued: z.nullable(issuedCodeSchema) }),
  z.strictObject({ view: z.literal('qr') }),
  z.strictObject({ view: z.literal('connected'), phone: z.nullable(phoneNumberSchema) }),
]);
export type LinkView = z.infer<typeof linkViewSchema>;

export const modeStateSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('choose') }),
  z.strictObject({ mode: z.literal('register') }),
  z.strictObject({ mode: z.literal('link'), link: linkViewSchema }),
]);
export type ModeState = z.infer<typeof modeStateSchema>;

export type ModeEvent =
  | { type: 'REGISTER_CHOSEN' }
  | { type: 'LINK_CHOSEN' }
  /** Back to the first screen's choice, from anywhere. */
  | { type: 'BACK_TO_CHOICE' }
  | { type: 'LINK_BY_CODE' }
  | { type: 'LINK_BY_QR' }
  | { type: 'LINK_METHODS' }
  | { type: 'LINK_PHONE_SUBMITTED'; phone: z.infer<typeof phoneNumberSchema> }
  | { type: 'LINK_CODE_ISSUED'; issued: IssuedCode }
  | { type: 'LINK_OTHER_NUMBER' }
  | { type: 'LINKED'; phone: z.infer<typeof phoneNumberSchema> | null };

export const choosing: ModeState = { mode: 'choose' };

/** The way the console opens in: `wanted`, unless a registration is under way, which is where it returns. */
export function openingMode(wanted: ModeState, journey: FlowState): ModeState {
  return isFreshStart(journey) ? wanted : { mode: 'register' };
}

/** The next mode, or the same object when the event does not apply where the operator is. */
export function modeTransition(state: ModeState, event: ModeEvent): ModeState {
  if (event.type === 'BACK_TO_CHOICE') return state.mode === 'choose' ? state : choosing;
  if (state.mode === 'choose') {
    if (event.type === 'REGISTER_CHOSEN') return { mode: 'register' };
    if (event.type === 'LINK_CHOSEN') return { mode: 'link', link: { view: 'method' } };
    return state;
  }
  if (state.mode !== 'link') return state;
  const link = state.link;
  const to = (next: LinkView): ModeState => ({ mode: 'link', link: next });
  switch (event.type) {
    case 'LINK_BY_CODE':
      return link.view === 'method' ? to({ view: 'phone', phone: null }) : state;
    case 'LINK_BY_QR':
      return link.view === 'method' ? to({ view: 'qr' }) : state;
    case 'LINK_METHODS':
      return link.view === 'phone' || link.view === 'qr' ? to({ view: 'method' }) : state;
    case 'LINK_PHONE_SUBMITTED':
      return link.view === 'phone' ? to({ view: 'code', phone: event.phone, issued: null }) : state;
    case 'LINK_CODE_ISSUED':
      return link.view === 'code' ? to({ ...link, issued: event.issued }) : state;
    case 'LINK_OTHER_NUMBER':
      return link.view === 'code' ? to({ view: 'phone', phone: link.phone }) : state;
    case 'LINKED':
      return link.view === 'code' || link.view === 'qr' ? to({ view: 'connected', phone: event.phone }) : state;
    default:
      return state;
  }
}

/**
 * Where a reload returns: registering resumes with the journey; linking resumes on a pairing code that
 * is still alive, and otherwise at the link choice (a QR lives seconds, and a new code costs one of the
 * instance's hourly codes: the operator asks again). Once linked, the start's status check shows the
 * connected screen.
 */
export function resumeMode(saved: ModeState, now: number): ModeState {
  if (saved.mode !== 'link') return saved;
  const link = saved.link;
  if (link.view === 'code') return link.issued !== null && link.issued.deadline > now ? saved : { mode: 'link', link: { view: 'method' } };
  if (link.view === 'qr') return { mode: 'link', link: { view: 'method' } };
  if (link.view === 'connected') return choosing;
  return saved;
}
