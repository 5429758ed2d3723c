import 'server-only';
import { DrizzleAdapter } from '@auth/drizzle-adapter';
import type { Adapter } from '@auth/core/adapters';
import { getDb } from './client';
import { accounts, sessions, users, verificationTokens } from './schema';

/** Auth.js's access to users, sessions and verification tokens: our tables, through its Drizzle adapter. */
export async function authAdapter(): Promise<Adapter> {
  return DrizzleAdapter(await getDb(), {
    usersTable: users,
    accountsTable: accounts,
    sessionsTable: sessions,
    verificationTokensTable: verificationTokens,
  });
}
