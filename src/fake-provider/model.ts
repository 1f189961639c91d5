import type { DeliveryMethod } from '../contract/common';
import type { Clock } from './clock';
import { newLinkingState, type LinkingState, type QrBehaviour } from './linking';
import type { Scenario } from './scenarios';

export interface SimRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: URLSearchParams;
  /** Header names in lower case. */
  headers: Record<string, string | undefined>;
  /** Parsed JSON body, or undefined when there was none. */
  body: unknown;
}

export interface SimResponse {
  status: number;
  /** JSON body; undefined sends an empty body. */
  body?: unknown;
  /** How long the answer should take, for the slow number; the runtime does the waiting. */
  delayMs?: number;
}

export interface Registration {
  ddi: string;
  phone: string;
  scenario: Scenario;
  captcha: { attempts: number; solved: boolean; pending: boolean };
  codeIssued: boolean;
  wrongCodes: number;
  stage: 'code' | 'pin' | 'transfer' | 'done';
  transferAskedAt: number | null;
  pinQuirkServed: boolean;
  appealToken: string | null;
}

export interface SimAccount {
  email: string | null;
  emailVerified: boolean;
  pin: string | null;
}

/** One simulated instance: what the provider remembers between calls. */
export interface SimInstance {
  connected: boolean;
  registration: Registration | null;
  /** Per number: when each method may be requested again (epoch ms; -1 = never). */
  nextRequestAt: Map<string, Record<DeliveryMethod, number>>;
  unbanned: Set<string>;
  account: SimAccount;
  linking: LinkingState;
}

export function newInstance(): SimInstance {
  return {
    connected: false,
    registration: null,
    nextRequestAt: new Map(),
    unbanned: new Set(),
    account: { email: null, emailVerified: false, pin: null },
    linking: newLinkingState(),
  };
}

export interface SimContext {
  instance: SimInstance;
  request: SimRequest;
  /** Values of `:name` segments of the route's path. */
  params: Record<string, string>;
  clock: Clock;
  /** Fresh random token, for appeal tokens and pairing codes. */
  random: () => number;
  /** Whether the phone scans the QR codes shown (the simulated upstream's setting). */
  qr: QrBehaviour;
}

export type SimHandler = (context: SimContext) => SimResponse;

export interface SimRoute {
  method: 'GET' | 'POST' | 'PUT' | 'GET_OR_POST';
  /** Relative to the instance; `:name` segments match any single segment. */
  path: string;
  handler: SimHandler;
}

export const json = (body: unknown, status = 200): SimResponse => ({ status, body });
export const empty = (status: number): SimResponse => ({ status });
