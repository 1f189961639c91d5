import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findBinary, serverBinaries, type ServerBinary } from './server-binaries';

/**
 * The replica tests start their own redis-server and nginx. Found: say where. Missing on Debian as
 * root: install Debian's packages. Otherwise: say what to do, and fail.
 */
function missing(): ServerBinary[] {
  return (Object.keys(serverBinaries) as ServerBinary[]).filter((name) => !findBinary(name));
}

function main(): void {
  let absent = missing();
  if (absent.length > 0 && process.getuid?.() === 0 && existsSync('/etc/debian_version')) {
    const packages = [...new Set(absent.map((name) => serverBinaries[name]))];
    console.log(`Installing Debian's ${packages.join(', ')} for the replica tests…`);
    execSync(`apt-get update -qq && apt-get install -y -qq --no-install-recommends ${packages.join(' ')}`, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    absent = missing();
  }
  if (absent.length === 0) {
    for (const name of Object.keys(serverBinaries) as ServerBinary[]) console.log(`${name} for the replica tests: ${findBinary(name) ?? ''}`);
    return;
  }
  console.error(
    [
      `Not found for the replica tests: ${absent.join(', ')}.`,
      `On Debian or Ubuntu: sudo apt-get install ${[...new Set(absent.map((name) => serverBinaries[name]))].join(' ')}`,
      'Elsewhere: install Redis (6.2 or later) and nginx so that they are on PATH.',
    ].join('\n'),
  );
  process.exit(1);
}

main();
