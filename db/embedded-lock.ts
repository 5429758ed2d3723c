import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite has no multi-process protection: two processes on one data directory silently lose each other's writes
 * (seen on this project's machines). So the process that opens the embedded database holds a PID file beside it, the
 * way PostgreSQL's postmaster.pid works, and any other process is refused.
 */

export class EmbeddedDatabaseBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by another process (PID ${holderPid}).\n` +
        'Only one process may open it at a time, or data is lost. Either:\n' +
        '  - stop that process first (e.g. the running `npm run dev` or `npm start`), then run this again; or\n' +
        '  - do it through the running app instead of a second process; or\n' +
        '  - give this process its own copy with DATA_DIR=<another folder>, or use a real PostgreSQL via DATABASE_URL.',
    );
    this.name = 'EmbeddedDatabaseBusyError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(lockPath: string): { pid: number; raw: string } | null {
  try {
    const raw = fs.readFileSync(lockPath, 'utf8');
    const pid = Number.parseInt(raw.split('\n')[0] ?? '', 10);
    return { pid: Number.isFinite(pid) ? pid : -1, raw };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Takes the lock for this process or throws EmbeddedDatabaseBusyError. Taking it again from the same process is a
 * no-op. A lock left by a process that died is taken over. Returns a function that releases it.
 */
export function lockEmbeddedDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, 'council-desk.pid');
  const content = `${process.pid}\n${new Date().toISOString()}\n`;

  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      fs.writeFileSync(lockPath, content, { flag: 'wx' });
      const release = () => {
        const holder = readHolder(lockPath);
        if (holder?.pid === process.pid) fs.rmSync(lockPath, { force: true });
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readHolder(lockPath);
    if (!holder) continue;
    if (holder.pid === process.pid) return () => {};
    if (holder.pid > 0 && isAlive(holder.pid)) throw new EmbeddedDatabaseBusyError(dataDir, holder.pid);
    // Stale: remove it only if it is still the file we judged stale, then race for it again with O_EXCL.
    if (readHolder(lockPath)?.raw === holder.raw) fs.rmSync(lockPath, { force: true });
  }
  const holder = readHolder(lockPath);
  throw new EmbeddedDatabaseBusyError(dataDir, holder?.pid ?? -1);
}
