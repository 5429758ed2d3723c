import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import * as schema from '@/db/schema';
import { COUNTRIES } from '@/lib/countries';
import { buildBenchApp, startBenchServer, waitFor } from '../bench-app';
import { freePort } from '../test-support';

// `npm run bench -- --only list` (scripts/bench.ts): the list of participants for 500 people as one PDF, asked of a
// production build over HTTP by a signed-in viewer, in English and in Russian (the database `<name>_list`, made
// afresh on the server of DATABASE_URL). Reports the time of each download; the target is 10 s, the bound the issue
// sets for the 500 badges, which draw more.

const PEOPLE = 500;
const TARGET_SECONDS = 10;
const RUNS = 3;

export type ListBenchResult = {
  people: number;
  pdf: Record<'en' | 'ru', { seconds: number[]; bytes: number }>;
  targets: { name: string; value: string; ok: boolean }[];
};

async function prepare(serverUrl: string) {
  const url = new URL(serverUrl);
  const name = `${url.pathname.replace(/^\//, '') || 'postgres'}_list`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  url.pathname = `/${name}`;
  const client = postgres(url.toString(), { max: 4, onnotice: () => {} });
  const db = drizzle(client, { schema, casing: 'snake_case' });
  try {
    await migrate(db, { migrationsFolder: path.join(process.cwd(), 'drizzle') });
    const [council] = await db
      .insert(schema.councils)
      .values({ nameEn: 'List Bench Council', nameRu: 'Совет для замеров' })
      .returning();
    const startsAt = new Date(Date.now() + 30 * 24 * 3600_000);
    const [meeting] = await db
      .insert(schema.meetings)
      .values({
        councilId: council!.id,
        kind: 'plenary',
        titleEn: 'List bench plenary',
        titleRu: 'Пленарное заседание для замеров',
        startsAt,
        endsAt: new Date(startsAt.getTime() + 7 * 3600_000),
        timeZone: 'Asia/Tashkent',
        format: 'in_person',
        cityEn: 'Tashkent',
        cityRu: 'Ташкент',
        country: 'UZ',
        status: 'invitations_open',
      })
      .returning();
    // Forty States' ministries and ten organisations of the other groups: 50 sections of 10 people.
    const states = COUNTRIES.filter((c) => c.kind === 'member').slice(0, 40);
    const organisations = await db
      .insert(schema.organisations)
      .values([
        ...states.map((c) => ({
          nameEn: `Ministry of Foreign Affairs of ${c.en}`,
          nameRu: `Министерство иностранных дел (${c.ru})`,
          type: 'government' as const,
          country: c.code,
        })),
        ...Array.from({ length: 10 }, (_, i) => ({
          nameEn: `Organisation ${i + 1}`,
          nameRu: `Организация ${i + 1}`,
          type: (['un_entity', 'regional_organisation', 'civil_society'] as const)[i % 3]!,
        })),
      ])
      .returning({ id: schema.organisations.id, country: schema.organisations.country });
    const people = Array.from({ length: PEOPLE }, (_, i) => ({
      contactId: randomUUID(),
      invitationId: randomUUID(),
      latin: `Participant Number${i + 1} Familyname`,
      cyrillic: `Участник Номер${i + 1} Фамилия`,
      organisation: organisations[i % organisations.length]!,
      email: `list.${i}@bench.example.org`,
    }));
    await db.insert(schema.contacts).values(
      people.map((p, i) => ({
        id: p.contactId,
        name: p.cyrillic,
        nameLatin: p.latin,
        email: p.email,
        organisationId: p.organisation.id,
        courtesyTitle: (['Mr.', 'Ms.', 'Dr.', 'H.E.'] as const)[i % 4],
      })),
    );
    await db.insert(schema.invitations).values(
      people.map((p) => ({
        id: p.invitationId,
        meetingId: meeting!.id,
        contactId: p.contactId,
        role: 'delegate' as const,
        email: p.email,
        language: 'en' as const,
        status: 'accepted' as const,
      })),
    );
    await db.insert(schema.registrations).values(
      people.map((p) => ({
        invitationId: p.invitationId,
        meetingId: meeting!.id,
        status: 'registered' as const,
        passportName: p.latin,
        displayName: p.cyrillic,
        title: 'Counsellor, Department of International Cooperation',
        organisationName: 'As registered',
        country: p.organisation.country ?? 'UZ',
        listConsent: true,
        dataConsentAt: new Date(),
        registeredAt: new Date(),
      })),
    );
    const [user] = await db
      .insert(schema.users)
      .values({ email: `list.viewer.${Date.now()}@bench.example.org`, role: 'viewer', name: 'List bench viewer' })
      .returning();
    const sessionToken = randomUUID();
    await db
      .insert(schema.sessions)
      .values({ sessionToken, userId: user!.id, expires: new Date(Date.now() + 24 * 3600_000) });
    return { databaseUrl: url.toString(), meetingId: meeting!.id, sessionToken };
  } finally {
    await client.end();
  }
}

export async function runListBench({
  serverUrl,
  build,
  log,
}: {
  serverUrl: string;
  build: boolean;
  log: (line: string) => void;
}): Promise<ListBenchResult> {
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const env: Record<string, string> = {
    AUTH_SECRET: 'bench-only-secret-0123456789abcdefghijklmnopqrstuvwxyz',
    DATA_ENCRYPTION_KEY: Buffer.alloc(32, 11).toString('base64'),
    AUTH_URL: origin,
    SMTP_URL: `smtp://127.0.0.1:${await freePort()}`,
    MAIL_FROM: 'Council Desk <no-reply@bench.test>',
    OUTBOX_WORKER: 'off',
    NEXT_TELEMETRY_DISABLED: '1',
  };
  log(`List of participants: preparing ${PEOPLE} registered participants…`);
  const { databaseUrl, meetingId, sessionToken } = await prepare(serverUrl);
  if (build) buildBenchApp({ ...env, DATABASE_URL: databaseUrl }, log);
  const server = startBenchServer({ ...env, DATABASE_URL: databaseUrl }, port);
  const pdf = {} as ListBenchResult['pdf'];
  try {
    await waitFor(() => fetch(`${origin}/api/health`).then((r) => r.ok), 'the server');
    const headers = { cookie: `authjs.session-token=${sessionToken}` };
    for (const language of ['en', 'ru'] as const) {
      const seconds: number[] = [];
      let bytes = 0;
      for (let run = 0; run <= RUNS; run++) {
        const started = performance.now();
        const response = await fetch(`${origin}/staff/meetings/${meetingId}/participants/list/${language}/pdf`, {
          headers,
          redirect: 'manual',
        });
        const body = Buffer.from(await response.arrayBuffer());
        if (response.status !== 200 || !body.subarray(0, 5).equals(Buffer.from('%PDF-')))
          throw new Error(`The ${language} list answered ${response.status}, not a PDF`);
        // The first request warms the route up; it is not counted.
        if (run > 0) seconds.push((performance.now() - started) / 1000);
        bytes = body.length;
      }
      pdf[language] = { seconds, bytes };
      log(
        `  ${language}: ${seconds.map((s) => s.toFixed(2)).join(' s, ')} s (${(bytes / 1024).toFixed(0)} KiB, ${PEOPLE} people)`,
      );
    }
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
  }
  const worst = Math.max(...pdf.en.seconds, ...pdf.ru.seconds);
  return {
    people: PEOPLE,
    pdf,
    targets: [
      {
        name: `list of participants PDF, ${PEOPLE} people, through the app ≤ ${TARGET_SECONDS} s`,
        value: `${worst.toFixed(2)} s (slowest of ${RUNS} per language)`,
        ok: worst <= TARGET_SECONDS,
      },
    ],
  };
}
