import fs from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { simpleParser } from 'mailparser';
import { calendarLineProblems } from '../test/calendar-lines';
import { e2eSettings } from './settings';

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  messageId: string;
  /** The Reply-To address ('' when the message has none). */
  replyTo: string;
  links: string[];
  attachments: { filename: string; contentType: string; content: string }[];
}

async function readAll(): Promise<ReceivedMail[]> {
  if (!fs.existsSync(e2eSettings.sinkDir)) return [];
  const files = fs
    .readdirSync(e2eSettings.sinkDir)
    .filter((f) => f.endsWith('.eml'))
    .sort();
  return Promise.all(
    files.map(async (file) => {
      // Parsed properly: bodies are quoted-printable, and links break across lines in the raw message.
      const mail = await simpleParser(fs.readFileSync(path.join(e2eSettings.sinkDir, file)));
      const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
      const text = mail.text ?? '';
      // Every calendar file the app mails passes the strict line check, whichever test reads the message.
      for (const a of mail.attachments) {
        if (!a.contentType.startsWith('text/calendar')) continue;
        const problems = calendarLineProblems(a.content);
        if (problems.length) throw new Error(`${file}: ${a.filename}: ${problems.join('; ')}`);
      }
      return {
        to: to?.value[0]?.address?.toLowerCase() ?? '',
        subject: mail.subject ?? '',
        text,
        messageId: mail.messageId ?? '',
        replyTo: mail.replyTo?.value[0]?.address?.toLowerCase() ?? '',
        links: text.match(/https?:\/\/\S+/g) ?? [],
        attachments: mail.attachments.map((a) => ({
          filename: a.filename ?? '',
          contentType: a.contentType,
          content: a.content.toString('utf8'),
        })),
      };
    }),
  );
}

/** Every message the SMTP sink has received for `address` (with `subject`, if given), oldest first. */
export async function mailTo(address: string, subject?: string): Promise<ReceivedMail[]> {
  return (await readAll()).filter(
    (m) => m.to === address.toLowerCase() && (subject === undefined || m.subject === subject),
  );
}

/** Waits until `address` has received more than `after` such messages, and returns the newest. */
export async function waitForMail(
  address: string,
  { after = 0, subject }: { after?: number; subject?: string } = {},
): Promise<ReceivedMail> {
  let newest: ReceivedMail | undefined;
  await expect
    .poll(
      async () => {
        const messages = await mailTo(address, subject);
        newest = messages.length > after ? messages.at(-1) : undefined;
        return messages.length;
      },
      { message: `waiting for mail to ${address}`, timeout: 15_000 },
    )
    .toBeGreaterThan(after);
  return newest!;
}

/** The first-admin link the server printed (or `npm run admin:create` printed before it started). */
export function firstAdminLinkFromServerOutput(): string {
  const log = fs.readFileSync(e2eSettings.serverLog, 'utf8');
  const links = log.match(/https?:\/\/\S+\/staff\/setup\/[\w-]+/g);
  if (!links) throw new Error(`No first-admin link in the server output (${e2eSettings.serverLog})`);
  return links.at(-1)!;
}
