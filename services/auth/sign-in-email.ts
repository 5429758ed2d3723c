import 'server-only';
import { enqueueMail } from '@/db/outbox';
import { findActiveStaffByEmail } from '@/db/staff-auth';
import { escapeHtml, htmlButton, htmlEmail } from '@/lib/mail/html';

/**
 * Auth.js hands us the callback URL with the token in it. The email links to a confirmation page instead, which
 * forwards to that URL only when a person presses its button: mail scanners that open every link in a message
 * would otherwise spend the one-time token before the recipient sees it.
 */
export function confirmationUrl(callbackUrl: string): string {
  const url = new URL(callbackUrl);
  return `${url.origin}/staff/sign-in/confirm${url.search}`;
}

export async function sendSignInEmail({ email, url }: { email: string; url: string; expires: Date }): Promise<void> {
  const staff = await findActiveStaffByEmail(email);
  if (!staff) return;
  const link = confirmationUrl(url);
  const greeting = staff.name ? `Hello ${staff.name},` : 'Hello,';
  const text = [
    greeting,
    '',
    'Someone — hopefully you — asked to sign in to Council Desk with this address. Open this link within 15 minutes to sign in:',
    '',
    link,
    '',
    'The link works once. If you did not ask for it, ignore this email: nobody can sign in without the link.',
    '',
    '— Council Desk',
  ].join('\n');
  const html = htmlEmail({
    lang: 'en',
    title: 'Sign in to Council Desk',
    paragraphs: [
      escapeHtml(greeting),
      'Someone — hopefully you — asked to sign in to Council Desk with this address. Use this link within 15 minutes:',
      htmlButton(link, 'Sign in to Council Desk'),
      `Or copy this address into your browser:<br><span style="word-break:break-all">${escapeHtml(link)}</span>`,
      'The link works once. If you did not ask for it, ignore this email: nobody can sign in without the link.',
    ],
  });
  await enqueueMail(null, {
    kind: 'sign_in',
    to: staff.email,
    toName: staff.name,
    subject: 'Sign in to Council Desk',
    text,
    html,
    secretLinks: [link, escapeHtml(link)],
  });
}
