import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { z } from 'zod';

export interface ConsoleServer {
  url: string;
  output: () => string;
  /** Calls that reached the simulated provider so far, by route (its loopback test counter). */
  upstreamHits: () => Promise<Record<string, number>>;
  /** Graceful stop (SIGTERM), as a deploy or a process manager does it. */
  stop(): Promise<void>;
  /** `kill -9`: no graceful shutdown, connections cut as a crash cuts them. */
  kill(): Promise<void>;
}

/**
 * Starts the built proxy exactly as `npm start` does (node dist-server/main.js), on a free
 * loopback port, and waits for the address it prints. `script` starts another built server the
 * same way (the standalone simulated provider).
 */
export async function startConsoleServer(env: Record<string, string> = {}, script = 'dist-server/main.js'): Promise<ConsoleServer> {
  const child: ChildProcess = spawn(process.execPath, [script], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', SIMULATED_UPSTREAM_HIT_COUNTER: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the console server did not start:\n${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the console server exited with ${String(code)}:\n${output}`));
    });
  });
  return {
    url,
    output: () => output,
    upstreamHits: async () => {
      const counter = /hit counter at (http:\/\/127\.0\.0\.1:\d+\S*)/.exec(output)?.[1];
      if (!counter) throw new Error(`the simulated upstream printed no hit counter:\n${output}`);
      const response = await fetch(counter);
      return hitsSchema.parse(await response.json());
    },
    stop: () => end('SIGTERM'),
    kill: () => end('SIGKILL'),
  };

  async function end(signal: NodeJS.Signals): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill(signal);
    await exited;
  }
}

const hitsSchema = z.record(z.string(), z.number().int().nonnegative());
