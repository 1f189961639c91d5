import { randomBytes } from 'node:crypto';
import { createSimulatedProvider, type SimulatedProvider } from '../../fake-provider/simulated-provider';
import type { RunContext } from '../../gateway/run-operation';
import type { SimulatedOptions, UpstreamLimits } from '../config';
import { providerRuntime, type RealProvider } from '../provider-runtime';
import { startSimulatedUpstream } from '../simulated-upstream';
import { createUpstream } from '../upstream';
import type { InstanceEntries } from './instances-file';

export interface InstanceRegistry {
  aliases: string[];
  /** The run context of one alias (its adapter, provider memory and upstream), or null. */
  context: (alias: string) => RunContext | null;
  /** Every origin the proxy may reach, for the readiness probe. */
  origins: string[];
  /** Present when at least one alias runs on the simulated provider. */
  simulated: SimulatedProvider | null;
  /** The simulated upstream's call counter, when asked for (tests only). */
  hitCounterUrl: string | null;
  close: () => Promise<void>;
}

export interface SimulatedSettings extends SimulatedOptions {
  hitCounter: boolean;
}

/**
 * One RunContext per alias, so provider memory (the appeal token, for one) never crosses from one
 * instance to another. Simulated aliases share one simulated upstream, each with its own throwaway
 * credentials, checked by the simulated provider as the real one would check real ones.
 */
export async function createInstanceRegistry(
  entries: InstanceEntries,
  limits: UpstreamLimits,
  settings: SimulatedSettings,
): Promise<InstanceRegistry> {
  const closers: Array<() => Promise<void>> = [];
  const secret = () => randomBytes(12).toString('hex');
  const fakes = Object.entries(entries)
    .filter(([, entry]) => entry.kind === 'simulated')
    .map(([alias]) => ({ alias, instanceId: `sim-${secret()}`, instanceToken: secret(), clientToken: secret() }));

  let simulated: SimulatedProvider | null = null;
  let hitCounterUrl: string | null = null;
  const providers = new Map<string, RealProvider>();
  if (fakes.length > 0) {
    simulated = createSimulatedProvider({ instances: fakes, qr: settings.qr });
    const upstream = await startSimulatedUpstream(simulated, 0, { hitCounter: settings.hitCounter });
    closers.push(upstream.close);
    hitCounterUrl = upstream.hitCounterUrl;
    for (const fake of fakes) {
      providers.set(
        fake.alias,
        settings.speaks === 'wawp'
          ? { kind: 'wawp', baseUrl: upstream.url, instanceId: fake.instanceId, accessToken: fake.instanceToken }
          : { kind: 'zapi', baseUrl: upstream.url, instanceId: fake.instanceId, instanceToken: fake.instanceToken, clientToken: fake.clientToken },
      );
    }
  }
  for (const [alias, entry] of Object.entries(entries)) {
    if (entry.kind !== 'simulated') providers.set(alias, entry);
  }

  const contexts = new Map<string, RunContext>();
  const origins = new Set<string>();
  for (const [alias, provider] of providers) {
    const runtime = providerRuntime(provider);
    const upstream = createUpstream(runtime.origin, runtime.target, limits);
    closers.push(upstream.close);
    origins.add(runtime.origin);
    contexts.set(alias, { adapter: runtime.adapter, memory: {}, send: upstream.send });
  }

  return {
    aliases: [...contexts.keys()],
    context: (alias) => contexts.get(alias) ?? null,
    origins: [...origins],
    simulated,
    hitCounterUrl,
    close: async () => {
      for (const close of closers.reverse()) await close();
    },
  };
}
