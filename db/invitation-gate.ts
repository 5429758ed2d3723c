import 'server-only';
import { authSecret } from '@/lib/auth/secret';
import { readDelegationToken } from '@/lib/delegation-token';
import { readInvitationToken } from '@/lib/invitation-token';
import { hitRateLimit } from './rate-limits';

// Guessing links is slowed down where it happens: each link that this server never signed counts against the client,
// in PostgreSQL so every instance counts together. Signed links (working, or revoked, expired, superseded: the page
// tells which) never do.

export const FAILED_LINK_LIMIT = { limit: 20, windowSeconds: 15 * 60 };

export async function invitationLinkGate(
  token: string,
  client: string,
): Promise<{ limited: false } | { limited: true; retryAfterSeconds: number }> {
  // A link this server signed is no guess (128-bit HMAC): it goes straight through, without a query; the page says
  // whether it still works. Only links that were never made here cost a lookup and count against the client.
  // Delegation links (/d/<token>) pass the same gate: a guess at either kind counts against the client alike.
  if (readInvitationToken(authSecret(), token) || readDelegationToken(authSecret(), token)) return { limited: false };
  const { allowed, retryAfterSeconds } = await hitRateLimit({
    key: `invitation-link:client:${client}`,
    ...FAILED_LINK_LIMIT,
  });
  return allowed ? { limited: false } : { limited: true, retryAfterSeconds };
}
