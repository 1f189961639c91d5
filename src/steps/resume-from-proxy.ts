import { fetchJourney } from '../api/journey';
import { stateFromJourney } from '../flow/resume';
import { dispatcher } from '../flow/dispatch';
import type { FlowStore } from '../flow/store';

/** How long the start may wait for the journey before the first screen is shown anyway. */
const RESUME_TIMEOUT_MS = 3_000;

/**
 * With nothing kept in this tab, asks the proxy where the journey is and resumes there; any failure
 * leaves the fresh start as it is. The tab's own sessionStorage stays the fast path (no request).
 */
export async function resumeFromProxy(store: FlowStore): Promise<void> {
  try {
    const journey = await fetchJourney(AbortSignal.timeout(RESUME_TIMEOUT_MS));
    const state = stateFromJourney(journey, Date.now());
    if (state) dispatcher(store)({ type: 'RESUMED', state });
  } catch {
    // The proxy could not say: the journey starts at the phone step, as before.
  }
}
