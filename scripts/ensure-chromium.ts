import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './chromium';

/**
 * The end-to-end suite needs a Chromium. Found: say which. Missing on Debian as root: install
 * Debian's package. Otherwise: explain what to do, and fail.
 */
function main(): void {
  const found = findChromium();
  if (found) {
    console.log(`Chromium for end-to-end tests: ${found}`);
    return;
  }
  const root = process.getuid?.() === 0;
  if (root && existsSync('/etc/debian_version')) {
    console.log('No Chromium found; installing Debian’s chromium package…');
    execSync('apt-get update -qq && apt-get install -y -qq chromium', {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    const installed = findChromium();
    if (installed) {
      console.log(`Chromium for end-to-end tests: ${installed}`);
      return;
    }
  }
  console.error(
    [
      'No Chromium found for the end-to-end tests.',
      'Looked at: $CHROMIUM_PATH, /usr/bin/chromium, and Playwright’s own browser folder.',
      'Do one of:',
      '  - set CHROMIUM_PATH to a Chromium or Chrome executable;',
      '  - on Debian or Ubuntu: sudo apt-get install chromium;',
      '  - where downloads are allowed: npx playwright install chromium.',
    ].join('\n'),
  );
  process.exit(1);
}

main();
