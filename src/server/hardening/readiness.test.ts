import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startProxy, type ProxyUnderTest } from '../testing';

/** /readyz is open; however often it is called, the provider is probed at most once per 10 s. */
let proxy: ProxyUnderTest | undefined;
let upstream: Server | undefined;
afterEach(async () => {
  await proxy?.close();
  await new Promise((resolve) => upstream?.close(resolve) ?? resolve(null));
});

describe('/readyz', () => {
  it('300 calls open one connection to the provider', { timeout: 30_000 }, async () => {
    let connections = 0;
    upstream = createServer((socket) => {
      connections += 1;
      socket.destroy();
    });
    await new Promise<void>((resolve) => upstream?.listen(0, '127.0.0.1', resolve));
    const address = upstream.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    proxy = await startProxy(`http://127.0.0.1:${address.port}`, { LOG_LEVEL: 'silent' });
    const url = `${proxy.server.url}/readyz`;
    const answers: Array<{ status: number; body: string }> = [];
    for (let round = 0; round < 30; round += 1) {
      const batch = Array.from({ length: 10 }, () => fetch(url).then(async (reply) => ({ status: reply.status, body: await reply.text() })));
      answers.push(...(await Promise.all(batch)));
    }
    expect(answers).toHaveLength(300);
    expect(new Set(answers.map((answer) => answer.status))).toEqual(new Set([200]));
    expect(answers[0]?.body).toBe('{"status":"ready"}');
    expect(connections).toBe(1);
  });
});
