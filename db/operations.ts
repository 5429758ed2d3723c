import 'server-only';
import { assertRole, type StaffUser } from '@/lib/auth/roles';
import { actorOf, recordAudit } from './audit';
import { dumpEmbedded } from './backup';
import { getDatabase } from './client';

// Operations an admin does through the running app because no second process may: the embedded database's backup.

export async function databaseKind(actor: StaffUser): Promise<'pglite' | 'postgres'> {
  assertRole(actor, 'admin');
  return (await getDatabase()).kind;
}

/**
 * A consistent copy of the embedded database (what `npm run db:backup` writes with the app stopped), recorded in the
 * audit log: it holds everyone's personal data. On PostgreSQL there is none to give: pg_dump takes it there.
 */
export async function embeddedBackup(
  actor: StaffUser,
): Promise<{ ok: true; data: Blob } | { ok: false; reason: 'notEmbedded' }> {
  assertRole(actor, 'admin');
  const database = await getDatabase();
  if (database.kind !== 'pglite' || !database.embedded) return { ok: false, reason: 'notEmbedded' };
  const data = await dumpEmbedded(database.embedded);
  await recordAudit(database.db, {
    actor: actorOf(actor),
    action: 'database.backup_downloaded',
    entityType: 'database',
    entityId: null,
    after: { bytes: data.size },
  });
  return { ok: true, data };
}
