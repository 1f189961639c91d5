import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { DEFAULT_PORT, environmentVariables } from '../config';

/**
 * No container engine runs where the tests run, so the image and the compose file are read as
 * text: their command, port, health check and variables must match package.json, the README and
 * the configuration the proxy actually reads.
 */
const root = new URL('../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const readme = read('README.md');
const scripts = z.object({ scripts: z.record(z.string(), z.string()) }).parse(JSON.parse(read('package.json'))).scripts;

interface Instruction {
  keyword: string;
  args: string;
}

/** Dockerfile instructions with continuation lines joined and comments dropped, split into stages. */
function dockerfileStages(text: string): Instruction[][] {
  const logical = text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const stages: Instruction[][] = [];
  for (const line of logical) {
    const [keyword = '', ...rest] = line.split(/\s+/);
    const instruction = { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    if (instruction.keyword === 'FROM') stages.push([]);
    stages[stages.length - 1]?.push(instruction);
  }
  return stages;
}

const execForm = (args: string): string[] => z.array(z.string()).parse(JSON.parse(args));
const documented = (name: string) => readme.includes(`\`${name}\``);

describe('Dockerfile', () => {
  const stages = dockerfileStages(read('Dockerfile'));
  const build = stages[0] ?? [];
  const runtime = stages[stages.length - 1] ?? [];
  const args = (stage: Instruction[], keyword: string) => stage.filter((instruction) => instruction.keyword === keyword).map((instruction) => instruction.args);

  it('builds with every dependency and runs with the runtime ones only', () => {
    expect(stages.length).toBe(2);
    expect(args(build, 'RUN')).toEqual(['npm ci --no-audit --no-fund', 'npm run build:app']);
    expect(args(runtime, 'RUN')[0]).toMatch(/^npm ci --omit=dev\b/);
    expect(args(runtime, 'COPY')).toEqual(expect.arrayContaining(['--from=build /app/dist ./dist', '--from=build /app/dist-server ./dist-server']));
    expect(read('.dockerignore').split('\n')).toEqual(expect.arrayContaining(['node_modules', 'dist', '.env', '.git']));
  });

  it('runs `npm run serve` as an unprivileged user, on the documented port, with a health check on /healthz', () => {
    expect(execForm(args(runtime, 'CMD')[0] ?? '[]')).toEqual(['npm', 'run', 'serve']);
    expect(scripts.serve).toBe('node dist-server/main.js');
    expect(args(runtime, 'USER')).toEqual(['node']);
    expect(args(runtime, 'EXPOSE')).toEqual([String(DEFAULT_PORT)]);
    const health = args(runtime, 'HEALTHCHECK')[0] ?? '';
    expect(health).toContain('/healthz');
    expect(health).toContain(`process.env.PORT || ${DEFAULT_PORT}`);
    expect(readme).toContain(`docker run --rm -p ${DEFAULT_PORT}:${DEFAULT_PORT}`);
  });

  it('sets only variables the proxy reads and the README documents', () => {
    const names = args(runtime, 'ENV').flatMap((line) => [...line.matchAll(/(\w+)=/g)].map(([, name = '']) => name));
    expect(names).toEqual(['NODE_ENV', 'HOST', 'PORT']);
    for (const name of names) {
      expect(environmentVariables, name).toContain(name);
      expect(documented(name), name).toBe(true);
    }
  });
});

const healthcheckSchema = z.object({ test: z.array(z.string()) });
const serviceSchema = z.object({
  image: z.string(),
  command: z.array(z.string()).optional(),
  network_mode: z.string().optional(),
  environment: z.record(z.string(), z.string()).optional(),
  healthcheck: healthcheckSchema.optional(),
  volumes: z.array(z.string()).optional(),
  depends_on: z.record(z.string(), z.object({ condition: z.string() })).optional(),
});
const composeSchema = z.object({ services: z.record(z.string(), serviceSchema) });

describe('deploy/compose.yaml', () => {
  const compose = composeSchema.parse(parse(read('deploy/compose.yaml'), { merge: true }));
  const proxies = Object.entries(compose.services).filter(([name]) => name.startsWith('proxy-'));

  it('runs three proxies from the image, with Redis and nginx in front', () => {
    expect(proxies.map(([name]) => name)).toEqual(['proxy-1', 'proxy-2', 'proxy-3']);
    expect(compose.services.redis?.image).toMatch(/^redis:/);
    expect(compose.services.nginx?.volumes).toEqual(['./nginx.conf:/etc/nginx/conf.d/default.conf:ro']);
    expect(Object.keys(compose.services.nginx?.depends_on ?? {})).toEqual(['proxy-1', 'proxy-2', 'proxy-3']);
    expect(readme).toContain('docker compose -f deploy/compose.yaml up');
  });

  it.each([1, 2, 3])('proxy-%i: `npm run serve`, its own ports, a health check on /healthz', (index) => {
    const proxy = compose.services[`proxy-${index}`];
    expect(proxy?.image).toBe('wa-onboarding');
    expect(proxy?.command).toEqual(['npm', 'run', 'serve']);
    expect(proxy?.environment?.PORT).toBe(String(DEFAULT_PORT + index));
    expect(proxy?.environment?.METRICS_PORT).toBe(String(9090 + index));
    expect(proxy?.environment?.NODE_ENV).toBe('production');
    expect(proxy?.healthcheck?.test.join(' ')).toContain('/healthz');
    expect(proxy?.depends_on?.redis?.condition).toBe('service_healthy');
  });

  it('sets only variables the proxy reads and the README documents, and requires the operator credential', () => {
    const names = new Set(proxies.flatMap(([, service]) => Object.keys(service.environment ?? {})));
    expect(names.size).toBeGreaterThan(5);
    for (const name of names) {
      expect(environmentVariables, name).toContain(name);
      expect(documented(name), name).toBe(true);
    }
    expect(compose.services['proxy-1']?.environment?.OPERATOR_TOKEN).toMatch(/^\$\{OPERATOR_TOKEN:\?/);
  });
});
