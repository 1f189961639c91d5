import { describe, expect, it } from 'vitest';
import { wawpAdapter } from '../providers/wawp';
import { zapiAdapter } from '../providers/zapi';
import type { ProviderAdapter } from '../providers/types';
import { capabilitiesOf } from './capabilities';
import { runOperation, type UpstreamSend } from './run-operation';

describe('capabilitiesOf', () => {
  it('gives Z-API, which maps every operation, all three ways', () => {
    expect(capabilitiesOf(zapiAdapter)).toEqual({ registration: true, linking: true, accountSecurity: true });
  });

  it('gives Wawp, which links devices only, linking alone', () => {
    expect(capabilitiesOf(wawpAdapter)).toEqual({ registration: false, linking: true, accountSecurity: false });
  });

  it('withholds a way as soon as one operation it needs is not mapped', () => {
    const operations = { ...zapiAdapter.operations };
    delete operations.confirmTransfer;
    delete operations.setPin;
    delete operations.getQrCode;
    const partial: ProviderAdapter = { name: 'zapi', operations };
    expect(capabilitiesOf(partial)).toEqual({ registration: false, linking: false, accountSecurity: false });
  });
});

describe('getCapabilities through the gateway', () => {
  it('is answered from the adapter without asking the provider', async () => {
    let sent = 0;
    const send: UpstreamSend = () => {
      sent += 1;
      return Promise.resolve({ status: 500, body: null });
    };
    const result = await runOperation('getCapabilities', {}, { adapter: wawpAdapter, memory: {}, send });
    expect(result).toEqual({ ok: true, value: { registration: false, linking: true, accountSecurity: false } });
    expect(sent).toBe(0);
  });
});
