import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureServer, nginxServer } from '../../scripts/servers';
import { freePort, waitForPort } from './free-port';

/** The response header through which tests see which proxy process answered (tests only). */
export const SERVED_BY_HEADER = 'x-served-by';

export interface NginxProcess {
  url: string;
  close(): Promise<void>;
}

/**
 * deploy/nginx.conf with the given proxy ports and a free listening port: the same file an
 * operator installs, only its addresses replaced.
 */
export function renderSiteConf(upstreamPorts: number[], listenPort: number): string {
  const site = readFileSync('deploy/nginx.conf', 'utf8');
  const servers = site.match(/^\s*server 127\.0\.0\.1:\d+ /gm) ?? [];
  if (servers.length !== upstreamPorts.length) {
    throw new Error(`deploy/nginx.conf lists ${String(servers.length)} proxy processes, not ${String(upstreamPorts.length)}`);
  }
  let index = 0;
  return site
    .replace(/^(\s*server 127\.0\.0\.1:)\d+ /gm, (_match, head: string) => `${head}${String(upstreamPorts[index++])} `)
    .replace(/^(\s*listen )127\.0\.0\.1:\d+;/m, `$1127.0.0.1:${String(listenPort)};`);
}

/**
 * Debian's nginx on a free loopback port, in a temporary folder of its own (pid, logs, buffers),
 * in front of `upstreamPorts` with deploy/nginx.conf. Each answer says which process served it.
 */
export async function startNginx(upstreamPorts: number[]): Promise<NginxProcess> {
  const binary = ensureServer(nginxServer);
  const dir = mkdtempSync(join(tmpdir(), 'wa-nginx-'));
  mkdirSync(join(dir, 'temp'));
  const port = await freePort();
  writeFileSync(join(dir, 'site.conf'), renderSiteConf(upstreamPorts, port));
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `  ${kind}_temp_path ${join(dir, 'temp', kind)};`);
  writeFileSync(
    join(dir, 'nginx.conf'),
    [
      // Run as root (CI containers), the workers would otherwise switch to a user who cannot write here.
      ...(process.getuid?.() === 0 ? ['user root;'] : []),
      'worker_processes 1;',
      `pid ${join(dir, 'nginx.pid')};`,
      `error_log ${join(dir, 'error.log')} warn;`,
      'events { worker_connections 256; }',
      'http {',
      `  access_log ${join(dir, 'access.log')};`,
      ...temp,
      `  add_header ${SERVED_BY_HEADER} $upstream_addr always;`,
      `  include ${join(dir, 'site.conf')};`,
      '}',
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(binary, ['-p', `${dir}/`, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log'), '-g', 'daemon off;'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const errorLog = () => {
    try {
      return `${output}${readFileSync(join(dir, 'error.log'), 'utf8')}`;
    } catch {
      return output;
    }
  };
  await waitForPort(port, 10_000, errorLog);
  return {
    url: `http://127.0.0.1:${String(port)}`,
    close: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
