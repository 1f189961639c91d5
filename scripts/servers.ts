import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** A server the tests start themselves: where Debian puts its binary, and the package that has it. */
export interface DebianServer {
  name: string;
  /** Environment variable that may name another binary. */
  override: string;
  paths: string[];
  debianPackage: string;
}

export const redisServer: DebianServer = { name: 'redis-server', override: 'REDIS_SERVER_PATH', paths: ['/usr/bin/redis-server', '/usr/local/bin/redis-server'], debianPackage: 'redis-server' };
export const nginxServer: DebianServer = { name: 'nginx', override: 'NGINX_PATH', paths: ['/usr/sbin/nginx', '/usr/local/sbin/nginx'], debianPackage: 'nginx' };

export function findServer(server: DebianServer): string | undefined {
  return [process.env[server.override], ...server.paths].find((path): path is string => Boolean(path) && existsSync(path ?? ''));
}

/**
 * The binary of `server`. Missing on Debian as root: installs Debian's package (as .ci/run does for
 * Chromium), without starting its system service. Otherwise: says what to do, and throws.
 */
export function ensureServer(server: DebianServer): string {
  const found = findServer(server);
  if (found) return found;
  if (process.getuid?.() === 0 && existsSync('/etc/debian_version')) {
    console.log(`No ${server.name} found; installing Debian’s ${server.debianPackage} package…`);
    // policy-rc.d is not touched: the package's own service may start, the tests never use it.
    execSync(`apt-get update -qq && apt-get install -y -qq --no-install-recommends ${server.debianPackage}`, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    const installed = findServer(server);
    if (installed) return installed;
  }
  throw new Error(
    [
      `No ${server.name} found for the tests (looked at $${server.override}, ${server.paths.join(', ')}).`,
      `Install it (Debian or Ubuntu: sudo apt-get install ${server.debianPackage}) or set ${server.override}.`,
    ].join('\n'),
  );
}
