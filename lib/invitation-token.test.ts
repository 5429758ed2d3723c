import { describe, expect, it } from 'vitest';
import { invitationToken, readInvitationToken } from './invitation-token';

const invitationId = '0b7a7c1e-5d1f-4c43-9a51-000000000901';

describe('invitation links', () => {
  it('round-trips the invitation and version, with 128 bits of MAC', () => {
    const token = invitationToken('secret', { invitationId, version: 3 });
    expect(token).toMatch(/^[A-Za-z0-9_-]{48}$/);
    expect(readInvitationToken('secret', token)).toEqual({ invitationId, version: 3 });
  });

  it('refuses a token changed in any character, made with another key, or malformed', () => {
    const token = invitationToken('secret', { invitationId, version: 1 });
    for (let i = 0; i < token.length; i++) {
      const other = token[i] === 'A' ? 'B' : 'A';
      const tampered = token.slice(0, i) + other + token.slice(i + 1);
      expect(readInvitationToken('secret', tampered), `character ${i}`).toBeNull();
    }
    expect(readInvitationToken('another secret', token)).toBeNull();
    expect(readInvitationToken('secret', '')).toBeNull();
    expect(readInvitationToken('secret', `${token}A`)).toBeNull();
    expect(readInvitationToken('secret', '../../etc/passwd')).toBeNull();
  });

  it('gives each version of a link its own token', () => {
    expect(invitationToken('secret', { invitationId, version: 1 })).not.toBe(
      invitationToken('secret', { invitationId, version: 2 }),
    );
  });
});
