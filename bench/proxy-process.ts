import { Writable } from 'node:stream';
import { loadConfig } from '../src/server/config';
import { startServer } from '../src/server/start';

/**
 * The proxy alone in its own process for the benchmark: the configuration from the environment,
 * the API only (no console folder), log lines formatted as in production and then discarded.
 */
const discard = new Writable({
  write(_chunk, _encoding, done) {
    done();
  },
});
const server = await startServer(loadConfig(process.env), { staticDir: null, logDestination: discard });
process.stdout.write(`listening on ${server.url}\n`);
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
