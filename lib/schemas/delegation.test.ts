import { describe, expect, it } from 'vitest';
import { nomineeSchema, declineSchema } from './delegation';

describe('delegation forms', () => {
  it('takes a nominee with a Latin passport name and a valid address', () => {
    const parsed = nomineeSchema.safeParse({
      title: 'Ms.',
      passportName: 'Aigerim Sadykova',
      displayName: 'Айгерим Садыкова',
      email: ' A.Sadykova@MFA.example ',
      language: 'ru',
      head: 'on',
    });
    expect(parsed.success && parsed.data).toMatchObject({ email: 'a.sadykova@mfa.example', head: true, position: '' });
  });

  it('refuses a Cyrillic passport name, a bad address, and a missing language, as codes', () => {
    const parsed = nomineeSchema.safeParse({ passportName: 'Айгерим', displayName: 'x', email: 'nope' });
    expect(parsed.success).toBe(false);
    const errors = parsed.error!.flatten().fieldErrors;
    expect(errors.passportName).toEqual(['latin']);
    expect(errors.email).toEqual(['email']);
    expect(errors.language).toEqual(['required']);
  });

  it('takes no substitute, or a whole one, never half', () => {
    expect(declineSchema.parse({}).substitute).toBeNull();
    expect(declineSchema.parse({ substituteName: 'Dana', substituteEmail: 'dana@example.org' }).substitute).toEqual({
      name: 'Dana',
      email: 'dana@example.org',
      position: '',
      language: 'en',
    });
    const half = declineSchema.safeParse({ substituteName: 'Dana' });
    expect(half.success).toBe(false);
    expect((half.error!.flatten().fieldErrors as Record<string, string[]>).substituteEmail).toEqual(['incomplete']);
  });
});
