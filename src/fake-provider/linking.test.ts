import { describe, expect, it } from 'vitest';
import type { OperationInput, OperationName } from '../contract/operations';
import { runOperation, type RunContext } from '../gateway/run-operation';
import { wawpAdapter } from '../providers/wawp';
import { zapiAdapter } from '../providers/zapi';
import { manualClock } from './clock';
import { inProcessSend, inProcessWawpSend } from './in-process';
import type { QrBehaviour } from './linking';
import { magicNumbers } from './scenarios';
import { createSimulatedProvider } from './simulated-provider';

const credentials = { instanceId: 'inst', instanceToken: 'tok', clientToken: 'client' };

function setup(speaks: 'zapi' | 'wawp', qr: QrBehaviour = 'scanned') {
  const clock = manualClock();
  const provider = createSimulatedProvider({ instances: [credentials], clock, qr });
  const context: RunContext =
    speaks === 'zapi'
      ? { adapter: zapiAdapter, memory: {}, send: inProcessSend(provider, { baseUrl: 'https://sim.invalid', ...credentials }) }
      : {
          adapter: wawpAdapter,
          memory: {},
          send: inProcessWawpSend(provider, { baseUrl: 'https://sim.invalid', instanceId: 'inst', accessToken: 'tok' }),
        };
  const run = <N extends OperationName>(name: N, input: OperationInput<N>) => runOperation(name, input, context);
  const connected = async () => {
    const status = await run('getStatus', {});
    return status.ok && status.value.connected;
  };
  return { clock, run, connected, provider };
}

const number = (phone: string) => ({ ddi: '55', phone });

describe.each(['zapi', 'wawp'] as const)('linking through the simulated %s', (speaks) => {
  it('issues a code of WhatsApp’s alphabet that the phone types 8 s later', async () => {
    const { clock, run, connected } = setup(speaks);
    const code = await run('requestPairingCode', number('11987654321'));
    expect(code.ok && code.value.code).toMatch(/^[1-9A-HJ-NP-TV-Z]{4}-[1-9A-HJ-NP-TV-Z]{4}$/);
    clock.advance(7_999);
    expect(await connected()).toBe(false);
    clock.advance(1);
    expect(await connected()).toBe(true);
    // Once connected, a new code is refused.
    const again = await run('requestPairingCode', number('11987654321'));
    expect(again.ok ? 'ok' : again.code).toBe(speaks === 'zapi' ? 'ALREADY_CONNECTED' : 'LINK_NOT_READY');
  });

  it('never connects …20: its code is never typed', async () => {
    const { clock, run, connected } = setup(speaks);
    expect((await run('requestPairingCode', number(magicNumbers.pairingNeverTyped))).ok).toBe(true);
    clock.advance(200_000);
    expect(await connected()).toBe(false);
  });

  it('connects a few seconds after the second QR, each one a new image', async () => {
    const { clock, run, connected } = setup(speaks);
    const first = await run('getQrCode', {});
    clock.advance(20_000);
    expect(await connected()).toBe(false);
    const second = await run('getQrCode', {});
    expect(first.ok && second.ok && first.value.image !== second.value.image).toBe(true);
    clock.advance(2_000);
    expect(await connected()).toBe(true);
  });

  it('never connects with the "never scanned" setting', async () => {
    const { clock, run, connected } = setup(speaks, 'never-scanned');
    for (let i = 0; i < 4; i++) {
      expect((await run('getQrCode', {})).ok).toBe(true);
      clock.advance(20_000);
    }
    expect(await connected()).toBe(false);
  });
});

describe('the simulated Wawp', () => {
  it('refuses the first code for …21 with 422, then gives one', async () => {
    const { run } = setup('wawp');
    const first = await run('requestPairingCode', number(magicNumbers.wawpNotWaitingFirst));
    expect(first.ok ? 'ok' : first.code).toBe('LINK_NOT_READY');
    const second = await run('requestPairingCode', number(magicNumbers.wawpNotWaitingFirst));
    expect(second.ok).toBe(true);
  });

  it('checks the instance id and access token in the query', async () => {
    const provider = createSimulatedProvider({ instances: [credentials] });
    const wrong = inProcessWawpSend(provider, { baseUrl: 'https://sim.invalid', instanceId: 'inst', accessToken: 'nope' });
    const result = await runOperation('getStatus', {}, { adapter: wawpAdapter, memory: {}, send: wrong });
    expect(result.ok ? 'ok' : result.code).toBe('PROVIDER_REJECTED');
    expect(provider.handle({ method: 'POST', path: '/v2/session/info', query: new URLSearchParams(), headers: {}, body: undefined }).status).toBe(400);
  });
});
