import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '@/scripts/demo/seed';
import { backupEmbedded, BackupRefusedError, backupKind, restoreEmbedded } from './backup';
import { openDatabase } from './client';
import { compareFingerprints, fingerprintTables, onPglite } from './database-copy';
import { EmbeddedDatabaseBusyError } from './embedded-lock';

// The embedded database's backup (`npm run db:backup` without DATABASE_URL) and its restore into another DATA_DIR.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'council-desk-embedded-backup-'));
const [source, copy] = [path.join(dir, 'source'), path.join(dir, 'copy')];
const file = path.join(dir, 'backup.tar.gz');

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function fingerprintsOf(dataDir: string) {
  const database = await openDatabase({ dataDir });
  try {
    return await fingerprintTables(onPglite(database.embedded!));
  } finally {
    await database.close();
  }
}

describe('embedded backup', () => {
  it('restores into an empty DATA_DIR with every table identical', async () => {
    const database = await openDatabase({ dataDir: source });
    await seedDemoData(database.db);
    await database.close();

    await backupEmbedded(source, file);
    expect(backupKind(file)).toBe('embedded');
    await restoreEmbedded(copy, file);
    const [before, after] = [await fingerprintsOf(source), await fingerprintsOf(copy)];
    expect(before.find((t) => t.table === 'public.invitations')!.rows).toBeGreaterThan(0);
    expect(compareFingerprints(before, after)).toEqual([]);
  }, 60_000);

  it('refuses to restore over a database unless forced, and keeps the old one aside', async () => {
    await expect(restoreEmbedded(copy, file)).rejects.toBeInstanceOf(BackupRefusedError);
    await restoreEmbedded(copy, file, { force: true });
    expect(fs.readdirSync(copy).some((name) => name.startsWith('pglite.before-restore-'))).toBe(true);
  }, 60_000);

  it('refuses while another process holds DATA_DIR', async () => {
    fs.writeFileSync(path.join(source, 'council-desk.pid'), `${process.ppid}\n`);
    try {
      await expect(backupEmbedded(source, path.join(dir, 'busy.tar.gz'))).rejects.toBeInstanceOf(
        EmbeddedDatabaseBusyError,
      );
    } finally {
      fs.rmSync(path.join(source, 'council-desk.pid'), { force: true });
    }
  });
});
