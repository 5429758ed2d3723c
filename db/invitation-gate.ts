import 'server-only';
import { openInvitationLink } from './invitations';
import { hitRateLimit } from './rate-limits';

// Guessing links is slowed down where it happens: each personal link that does not work (unknown, revoked, expired,
// superseded) counts against the client, in PostgreSQL so every instance counts together. Working links never do.

export const FAILED_LINK_LIMIT = { limit: 20, windowSeconds: 15 * 60 };

export async function invitationLinkGate(token: string, client: string): Promise<{ limited: false } | { limited: true; retryAfterSeconds: number }> {
  // Only whether the link works: the page it leads to reads the rest.
  const lookup = await openInvitationLink(token, new Date(), { withAgenda: false });
  if (lookup.ok) return { limited: false };
  const { allowed, retryAfterSeconds } = await hitRateLimit({ key: `invitation-link:client:${client}`, ...FAILED_LINK_LIMIT });
  return allowed ? { limited: false } : { limited: true, retryAfterSeconds };
}
