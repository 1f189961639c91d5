import { randomBytes } from 'node:crypto';
import { createSimulatedProvider, type SimulatedProvider } from '../../fake-provider/simulated-provider';
import type { RunContext } from '../../gateway/run-operation';
import { zapiAdapter, zapiTarget, type ZapiCredentials } from '../../providers/zapi';
import type { UpstreamLimits } from '../config';
import { startSimulatedUpstream } from '../simulated-upstream';
import { createUpstream } from '../upstream';
import type { InstanceEntries } from './instances-file';

export interface InstanceRegistry {
  aliases: string[];
  /** The run context of one alias (its adapter, provider memory and upstream), or null. */
  context: (alias: string) => RunContext | null;
  /** Present when at least one alias runs on the simulated provider. */
  simulated: SimulatedProvider | null;
  close: () => Promise<void>;
}

/**
 * One RunContext per alias, so provider memory (the appeal token, for one) never crosses from one
 * instance to another. Simulated aliases share one simulated upstream, each with its own throwaway
 * credentials, checked by the simulated provider as Z-API would check real ones.
 */
export async function createInstanceRegistry(entries: InstanceEntries, limits: UpstreamLimits): Promise<InstanceRegistry> {
  const closers: Array<() => Promise<void>> = [];
  const secret = () => randomBytes(12).toString('hex');
  const planned = Object.entries(entries).map(([alias, entry]) =>
    entry.provider === 'zapi'
      ? { alias, simulated: false, credentials: { ...entry } }
      : { alias, simulated: true, credentials: { baseUrl: '', instanceId: `sim-${secret()}`, instanceToken: secret(), clientToken: secret() } },
  );

  let simulated: SimulatedProvider | null = null;
  const fakes = planned.filter((plan) => plan.simulated);
  if (fakes.length > 0) {
    simulated = createSimulatedProvider({ instances: fakes.map((plan) => plan.credentials) });
    const upstream = await startSimulatedUpstream(simulated);
    closers.push(upstream.close);
    for (const plan of fakes) plan.credentials.baseUrl = upstream.url;
  }

  const contexts = new Map<string, RunContext>();
  for (const { alias, credentials } of planned) {
    const fixed: ZapiCredentials = { baseUrl: credentials.baseUrl, instanceId: credentials.instanceId, instanceToken: credentials.instanceToken, clientToken: credentials.clientToken };
    const upstream = createUpstream(new URL(fixed.baseUrl).origin, (request) => zapiTarget(fixed, request), limits);
    closers.push(upstream.close);
    contexts.set(alias, { adapter: zapiAdapter, memory: {}, send: upstream.send });
  }

  return {
    aliases: [...contexts.keys()],
    context: (alias) => contexts.get(alias) ?? null,
    simulated,
    close: async () => {
      for (const close of closers.reverse()) await close();
    },
  };
}
