import { createHmac, timingSafeEqual } from 'node:crypto';

// The personal link of an invitation: /i/<token>. The token is derived, never stored: the invitation's id, its link
// version and an HMAC of both under a server key (128 bits of it, unforgeable without the key). Reminders and
// waiting-list offers carry the same link; re-issuing raises the version, and the old link then names a version
// the invitation has left behind.

const ID_BYTES = 16;
const VERSION_BYTES = 4;
const MAC_BYTES = 16;

export type TokenParts = { invitationId: string; version: number };

const mac = (key: string, invitationId: string, version: number) =>
  createHmac('sha256', `invitation-link:${key}`).update(`${invitationId}:${version}`).digest().subarray(0, MAC_BYTES);

export function invitationToken(key: string, { invitationId, version }: TokenParts): string {
  const id = Buffer.from(invitationId.replace(/-/g, ''), 'hex');
  const v = Buffer.alloc(VERSION_BYTES);
  v.writeUInt32BE(version);
  return Buffer.concat([id, v, mac(key, invitationId, version)]).toString('base64url');
}

/** The invitation and version a token names, if the token is one this server made; null for anything else. */
export function readInvitationToken(key: string, token: string): TokenParts | null {
  if (!/^[A-Za-z0-9_-]{48}$/.test(token)) return null;
  const bytes = Buffer.from(token, 'base64url');
  if (bytes.length !== ID_BYTES + VERSION_BYTES + MAC_BYTES) return null;
  const hex = bytes.subarray(0, ID_BYTES).toString('hex');
  const invitationId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  const version = bytes.readUInt32BE(ID_BYTES);
  const expected = mac(key, invitationId, version);
  return timingSafeEqual(expected, bytes.subarray(ID_BYTES + VERSION_BYTES)) ? { invitationId, version } : null;
}
