import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

// A newcomer's `npm install` prints no warning (issue 23): every locked package runs on the Node the README says the
// app is tested on, and every install script is either approved or denied in package.json's allowScripts.

const root = path.resolve(import.meta.dirname, '..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
const manifest = JSON.parse(read('package.json')) as {
  engines: { node: string };
  allowScripts?: Record<string, boolean>;
};
const locked = Object.entries(
  (JSON.parse(read('package-lock.json')) as { packages: Record<string, LockEntry> }).packages,
).filter(([where]) => where !== '');

type LockEntry = { engines?: { node?: string } | string[]; hasInstallScript?: boolean; optional?: boolean };

const nameOf = (where: string) => where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length);

describe('a quiet install', () => {
  const tested = read('README.md').match(/Tested on Node\.js (\d+\.\d+)/)?.[1];

  it('names the tested Node in the README, within engines', () => {
    expect(tested).toBeDefined();
    expect(semver.satisfies(`${tested}.0`, manifest.engines.node)).toBe(true);
  });

  it('locks no package that declares a newer Node than the tested one', () => {
    const tooNew = locked
      .filter(([, entry]) => !entry.optional)
      .map(([where, entry]) => [nameOf(where), Array.isArray(entry.engines) ? undefined : entry.engines?.node])
      .filter(
        (pair): pair is [string, string] =>
          typeof pair[1] === 'string' && !semver.satisfies(`${tested}.0`, pair[1], { includePrerelease: true }),
      );
    expect(tooNew).toEqual([]);
  });

  it('approves or denies every install script', () => {
    const undecided = locked
      .filter(([, entry]) => entry.hasInstallScript)
      .map(([where]) => nameOf(where))
      .filter((name) => typeof manifest.allowScripts?.[name] !== 'boolean');
    expect(undecided).toEqual([]);
  });
});
