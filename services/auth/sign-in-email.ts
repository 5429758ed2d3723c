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

const SUBJECT = 'Sign in to Council Desk';
const REQUEST = 'A request was made to sign in to Council Desk with this email address.';
const ONCE =
  'The link can be used only once. If you did not make this request, please disregard this message: no one can sign in without the link.';

/** The sign-in email's words (staff work in English): greeting by name, the link, and what to do if unasked. */
export function signInEmail({ name, link }: { name: string | null; link: string }) {
  const greeting = name ? `Dear ${name},` : 'Dear colleague,';
  const text = [
    greeting,
    '',
    `${REQUEST} To sign in, please open the link below within 15 minutes:`,
    '',
    link,
    '',
    ONCE,
    '',
    'Council Desk',
  ].join('\n');
  const html = htmlEmail({
    lang: 'en',
    title: SUBJECT,
    paragraphs: [
      escapeHtml(greeting),
      `${REQUEST} To sign in, please use the button below within 15 minutes:`,
      htmlButton(link, SUBJECT),
      `Alternatively, copy this address into your browser:<br><span style="word-break:break-all">${escapeHtml(link)}</span>`,
      ONCE,
    ],
  });
  return { subject: SUBJECT, text, html };
}

export async function sendSignInEmail({ email, url }: { email: string; url: string; expires: Date }): Promise<void> {
  const staff = await findActiveStaffByEmail(email);
  if (!staff) return;
  const link = confirmationUrl(url);
  const mail = signInEmail({ name: staff.name, link });
  await enqueueMail(null, {
    kind: 'sign_in',
    to: staff.email,
    toName: staff.name,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    secretLinks: [link, escapeHtml(link)],
  });
}
