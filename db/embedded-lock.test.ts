import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EmbeddedDatabaseBusyError, lockEmbeddedDataDir } from './embedded-lock';

const root = path.resolve(import.meta.dirname, '..');
const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'council-desk-lock-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs an npm script as a separate process on the given embedded data directory. */
function runScript(script: string, dataDir: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
  // Empty, not deleted: an empty value means unset, and a developer's .env cannot fill it in again.
  env.DATABASE_URL = '';
  return spawnSync('npm', ['run', '--silent', script], { cwd: root, env, encoding: 'utf8', timeout: 60_000 });
}

describe('the embedded database lock', () => {
  it('refuses a second process with a non-zero exit and says what to do instead', () => {
    const dir = tempDir();
    const release = lockEmbeddedDataDir(dir);
    try {
      const result = runScript('db:migrate', dir);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`in use by another process (PID ${process.pid})`);
      expect(result.stderr).toContain('stop that process first');
      expect(result.stderr).toContain('DATABASE_URL');
      // The refused process never created a database beside ours.
      expect(fs.existsSync(path.join(dir, 'pglite'))).toBe(false);
    } finally {
      release();
    }
  });

  it('lets the next process in once the holder has released it', () => {
    const dir = tempDir();
    lockEmbeddedDataDir(dir)();
    const result = runScript('db:migrate', dir);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Migrations applied');
    expect(fs.existsSync(path.join(dir, 'council-desk.pid'))).toBe(false);
  });

  it('takes over a lock left by a process that died', () => {
    const dir = tempDir();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    fs.writeFileSync(path.join(dir, 'council-desk.pid'), `${dead.stdout}\n2024-05-14T05:00:00.000Z\n`);
    const release = lockEmbeddedDataDir(dir);
    expect(fs.readFileSync(path.join(dir, 'council-desk.pid'), 'utf8').split('\n')[0]).toBe(String(process.pid));
    release();
  });

  it('is refused to another live process even when this one asks twice', () => {
    const dir = tempDir();
    // Our own parent (the Vitest runner) is alive and is not us.
    fs.writeFileSync(path.join(dir, 'council-desk.pid'), `${process.ppid}\n`);
    expect(() => lockEmbeddedDataDir(dir)).toThrow(EmbeddedDatabaseBusyError);
    fs.rmSync(path.join(dir, 'council-desk.pid'));
    const release = lockEmbeddedDataDir(dir);
    expect(lockEmbeddedDataDir(dir)).toBeTypeOf('function');
    release();
  });
});
