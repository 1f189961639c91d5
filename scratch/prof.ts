import { Writable } from 'node:stream';
import { createSimulatedProvider } from '../src/fake-provider/simulated-provider';
import { startSimulatedUpstream } from '../src/server/simulated-upstream';
import { loadConfig } from '../src/server/config';
import { startServer } from '../src/server/start';
const instance = { instanceId: 'bench-instance', instanceToken: 'bench-token', clientToken: 'bench-client-token' };
const provider = createSimulatedProvider({ instances: [instance] });
const upstream = await startSimulatedUpstream(provider);
const discard = new Writable({ write(_c, _e, d) { d(); } });
for (const level of ['info', 'silent']) {
  const server = await startServer(loadConfig({ PORT: '0', LOG_LEVEL: level, ZAPI_BASE_URL: upstream.url, ZAPI_INSTANCE_ID: instance.instanceId, ZAPI_INSTANCE_TOKEN: instance.instanceToken, ZAPI_CLIENT_TOKEN: instance.clientToken, OPERATOR_TOKEN: 'bench-operator-token-0123456789' }), { staticDir: null, logDestination: discard });
  for (const round of [1, 2]) {
    const t = performance.now(); const cpu = process.cpuUsage();
    for (let i = 0; i < 2000; i++) {
      const r = await server.app.inject({ method: 'GET', url: '/api/v1/instance/status', headers: { authorization: 'Bearer bench-operator-token-0123456789' } });
      if (r.statusCode !== 200) throw new Error(String(r.statusCode));
    }
    const c = process.cpuUsage(cpu);
    console.log(level, round, 'wall/req ms', ((performance.now() - t) / 2000).toFixed(3), 'cpu/req ms', ((c.user + c.system) / 1000 / 2000).toFixed(3));
  }
  await server.close();
}
await upstream.close();
