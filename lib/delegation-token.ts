import { createHmac, timingSafeEqual } from 'node:crypto';

// The delegation link a focal point nominates through: /d/<token>. Built as an invitation's link is
// (lib/invitation-token.ts): the delegation's id, its link version and an HMAC of both under a server key, 128 bits of
// it; derived, never stored. A separate MAC domain keeps the two kinds of link apart: an invitation's token is never a
// delegation's, even for equal ids.

const ID_BYTES = 16;
const VERSION_BYTES = 4;
const MAC_BYTES = 16;

export type DelegationTokenParts = { delegationId: string; version: number };

const mac = (key: string, delegationId: string, version: number) =>
  createHmac('sha256', `delegation-link:${key}`).update(`${delegationId}:${version}`).digest().subarray(0, MAC_BYTES);

export function delegationToken(key: string, { delegationId, version }: DelegationTokenParts): string {
  const id = Buffer.from(delegationId.replace(/-/g, ''), 'hex');
  const v = Buffer.alloc(VERSION_BYTES);
  v.writeUInt32BE(version);
  return Buffer.concat([id, v, mac(key, delegationId, version)]).toString('base64url');
}

/** The delegation and version a token names, if this server made it; null for anything else. */
export function readDelegationToken(key: string, token: string): DelegationTokenParts | null {
  if (!/^[A-Za-z0-9_-]{48}$/.test(token)) return null;
  const bytes = Buffer.from(token, 'base64url');
  if (bytes.length !== ID_BYTES + VERSION_BYTES + MAC_BYTES) return null;
  const hex = bytes.subarray(0, ID_BYTES).toString('hex');
  const delegationId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  const version = bytes.readUInt32BE(ID_BYTES);
  const expected = mac(key, delegationId, version);
  return timingSafeEqual(expected, bytes.subarray(ID_BYTES + VERSION_BYTES)) ? { delegationId, version } : null;
}
