// Where the browser tests find Chromium: CHROMIUM_PATH, Debian's /usr/bin/chromium, or a Playwright-installed one.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export const INSTALL_HINT =
  'Install a Chromium for the browser tests, then run `npm test` again. One of:\n' +
  '  sudo apt-get update && sudo apt-get install -y chromium     (Debian/Ubuntu)\n' +
  "  npx playwright install chromium                            (Playwright's own build)\n" +
  '  export CHROMIUM_PATH=/path/to/chromium                      (a Chromium or Chrome you already have)';

/** The path of a usable Chromium, or null. Throws when CHROMIUM_PATH names a file that is not there. */
export function findChromium() {
  const named = process.env.CHROMIUM_PATH;
  if (named) {
    if (!existsSync(named)) throw new Error(`CHROMIUM_PATH is set to ${named}, but there is no file there.`);
    return named;
  }
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (existsSync(candidate)) return candidate;
  }
  try {
    const { chromium } = createRequire(import.meta.url)('playwright-core');
    const downloaded = chromium.executablePath();
    if (downloaded && existsSync(downloaded)) return downloaded;
  } catch {
    // playwright-core has no browser registered: fall through.
  }
  return null;
}
