import { describe, expect, it } from 'vitest';
import { confirmationUrl, signInEmail } from './sign-in-email';

describe('the sign-in email', () => {
  const link = confirmationUrl('https://desk.example.org/api/auth/callback/nodemailer?token=abc&email=a%40b.org');

  it('greets the staff member by name in the register of the secretariat’s correspondence', () => {
    const mail = signInEmail({ name: 'Ingrid Novak', link });
    expect(mail.subject).toBe('Sign in to Council Desk');
    expect(mail.text).toMatch(/^Dear Ingrid Novak,\n\nA request was made to sign in/);
    expect(mail.text).toContain(`\n\n${link}\n\n`);
    expect(mail.text).not.toMatch(/Hello|hopefully|ignore this email/);
    expect(mail.html).toContain('Dear Ingrid Novak,');
    expect(mail.html).toContain('href="https://desk.example.org/staff/sign-in/confirm?token=abc&amp;email=a%40b.org"');
  });

  it('greets a colleague without a name on file without an empty name', () => {
    expect(signInEmail({ name: null, link }).text).toMatch(/^Dear colleague,\n\n/);
    expect(signInEmail({ name: '', link }).text).toMatch(/^Dear colleague,\n\n/);
  });
});
