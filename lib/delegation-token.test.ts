import { describe, expect, it } from 'vitest';
import { delegationToken, readDelegationToken } from './delegation-token';
import { invitationToken, readInvitationToken } from './invitation-token';

const key = 'k'.repeat(32);
const id = '0b8f6a52-3d1c-4e0a-9f3e-2a7c5d9e1b44';

describe('delegation link tokens', () => {
  it('round-trips the id and version, with 128 bits of MAC', () => {
    const token = delegationToken(key, { delegationId: id, version: 3 });
    expect(token).toMatch(/^[A-Za-z0-9_-]{48}$/);
    expect(readDelegationToken(key, token)).toEqual({ delegationId: id, version: 3 });
  });

  it('refuses a token under another key, an altered one, and an invitation token for the same id', () => {
    const token = delegationToken(key, { delegationId: id, version: 1 });
    expect(readDelegationToken('other'.repeat(8), token)).toBeNull();
    const altered = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    expect(readDelegationToken(key, altered)).toBeNull();
    const invitation = invitationToken(key, { invitationId: id, version: 1 });
    expect(readDelegationToken(key, invitation)).toBeNull();
    expect(readInvitationToken(key, token)).toBeNull();
    expect(readDelegationToken(key, 'short')).toBeNull();
  });
});
