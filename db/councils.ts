import 'server-only';
import { asc } from 'drizzle-orm';
import { getDb } from './client';
import { councils } from './schema';
import type { Council } from './schema';

/** The council the public home presents: the first one created. */
export async function getHomeCouncil(): Promise<Council | null> {
  const db = await getDb();
  const [council] = await db.select().from(councils).orderBy(asc(councils.createdAt), asc(councils.id)).limit(1);
  return council ?? null;
}
