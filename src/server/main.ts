import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from './config';
import { startServer } from './start';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee README.md, "Configuration".\n`);
      process.exit(1);
    }
    throw error;
  }

  // This file is bundled to dist-server/main.js; the console's build sits beside it in dist/.
  const staticDir = config.staticDir ?? fileURLToPath(new URL('../dist/', import.meta.url));
  if (!existsSync(staticDir)) {
    process.stderr.write(`No console build at ${staticDir}. Run "npm run build" first (npm start does it).\n`);
    process.exit(1);
  }

  const server = await startServer(config, { staticDir });
  process.stdout.write(`\nwa-onboarding is listening on ${server.url} — ${server.providerLabel}\n\n`);
  if (server.hitCounterUrl) process.stdout.write(`simulated upstream hit counter at ${server.hitCounterUrl}\n`);

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    server.app.log.info({ signal, drainMs: config.drainMs }, 'shutting down');
    // The drain window outlasts the upstream timeouts (checked in config.ts), so every call in
    // flight ends with the provider's answer or a typed timeout before anything is cut off.
    const force = setTimeout(() => process.exit(1), config.drainMs);
    force.unref();
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

void main();
