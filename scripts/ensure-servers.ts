import { ensureServer, nginxServer, redisServer } from './servers';

/** The servers the tests start on loopback: found, or installed from Debian when missing. */
function main(): void {
  try {
    for (const server of [redisServer, nginxServer]) console.log(`${server.name} for tests: ${ensureServer(server)}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}

main();
