import { journeyOperations } from '../contract/journey';
import { callApi } from './client';

/** Where this instance's journey is, as the proxy keeps it (any tab, any browser). */
export const fetchJourney = (signal?: AbortSignal) => callApi(journeyOperations.getJourney, {}, signal ? { signal } : {});
