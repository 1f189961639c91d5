import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { ensureServer, redisServer } from '../../scripts/servers';
import { freePort, waitForPort } from './free-port';

export interface RedisProcess {
  url: string;
  port: number;
  /** Stops the server as an operator would (SIGTERM); it saves its data to its folder first. */
  stop(): Promise<void>;
  /** Starts it again on the same port and folder, with the data it saved. */
  start(): Promise<void>;
  /** Runs redis-cli against it and returns what it printed. */
  cli(...args: string[]): Promise<string>;
  /** Stops it and removes its folder. */
  close(): Promise<void>;
}

/**
 * A redis-server of its own on a free loopback port, with its data in a temporary folder. It
 * saves on shutdown, so a stop and start keep every key, as a restarted Redis with persistence does.
 */
export async function startRedis(): Promise<RedisProcess> {
  const binary = ensureServer(redisServer);
  // Debian's redis-server package brings redis-tools, whose redis-cli sits beside it.
  const cliBinary = join(dirname(binary), 'redis-cli');
  const dir = mkdtempSync(join(tmpdir(), 'wa-redis-'));
  const port = await freePort();
  let child: ChildProcess | null = null;
  let output = '';

  const start = async () => {
    if (child) return;
    output = '';
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '3600 1', '--appendonly', 'no', '--daemonize', 'no'];
    const started = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    started.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    started.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    started.once('exit', () => {
      if (child === started) child = null;
    });
    child = started;
    await waitForPort(port, 10_000, () => output);
  };
  const stop = async () => {
    const running = child;
    if (!running || running.exitCode !== null) return;
    const exited = once(running, 'exit');
    running.kill('SIGTERM');
    await exited;
    child = null;
  };
  await start();
  return {
    url: `redis://127.0.0.1:${String(port)}/0`,
    port,
    stop,
    start,
    cli: async (...args) => (await promisify(execFile)(cliBinary, ['-p', String(port), ...args])).stdout,
    close: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
