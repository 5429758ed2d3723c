import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import type { StaffUser } from '@/lib/auth/roles';
import { insertJsonRows } from './bulk-insert';
import { getDb, type DbExecutor } from './client';
import { auditLog, type AuditEntry } from './schema';

// Values of these fields never reach the audit log, whatever entity they belong to: secrets, and personal details
// the log does not need to say who changed what (phone numbers, free-text notes).
const SENSITIVE_KEY = /token|secret|password|passport|hash|link|birth|nationality|phone|notes/i;
export const REDACTED = '[redacted]';

/** A copy of `value` with sensitive fields replaced, at any depth. */
export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, v]) => [key, SENSITIVE_KEY.test(key) && v != null ? REDACTED : redact(v)]),
    );
  }
  return value;
}

export interface AuditActor {
  id: string | null;
  email: string | null;
}

/** Who the audit log names for a change a staff member made. */
export const actorOf = (staff: StaffUser): AuditActor => ({ id: staff.id, email: staff.email });

/** Records a change, in the transaction that makes it. */
export async function recordAudit(
  executor: DbExecutor,
  entry: {
    actor: AuditActor;
    action: string;
    entityType: string;
    entityId: string | null;
    before?: unknown;
    after?: unknown;
  },
): Promise<void> {
  await recordAudits(executor, [entry]);
}

export async function listAuditEntries({
  entityType,
  entityId,
  limit = 100,
}: {
  entityType?: string;
  entityId?: string;
  limit?: number;
}): Promise<AuditEntry[]> {
  const db = await getDb();
  return db
    .select()
    .from(auditLog)
    .where(
      and(
        entityType ? eq(auditLog.entityType, entityType) : undefined,
        entityId ? eq(auditLog.entityId, entityId) : undefined,
      ),
    )
    .orderBy(desc(auditLog.at))
    .limit(limit);
}

type AuditInput = {
  actor: AuditActor;
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
};

/** Records many changes in one statement (an import's chunk, a bulk send), in the transaction that makes them. */
export async function recordAudits(executor: DbExecutor, entries: AuditInput[]): Promise<void> {
  if (!entries.length) return;
  await insertJsonRows(
    executor,
    auditLog,
    entries.map((entry) => ({
      actor_id: entry.actor.id,
      actor_email: entry.actor.email,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      before: entry.before === undefined ? null : redact(entry.before),
      after: entry.after === undefined ? null : redact(entry.after),
    })),
  );
}
