import { eq, sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { invitationLink } from '@/db/invitation-mail';
import { auditLog, invitations, registrations } from '@/db/schema';
import { createContact, createInvitation, createMeeting } from '@/test/factories';
import { form, idle } from '@/test/session';
import {
  acceptInvitationAction,
  cancelRegistrationAction,
  declineInvitationAction,
  registerAction,
  takeSeatAction,
} from './actions';

vi.mock('@/services/auth', () => import('@/test/session').then((m) => m.authModule));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

async function invitation({
  deadline,
  visaSupport = false,
  format = 'online',
}: {
  deadline: Date;
  visaSupport?: boolean;
  format?: 'online' | 'hybrid';
}) {
  const meeting = await createMeeting({
    titleRu: 'Пленарное',
    format,
    status: 'invitations_open',
    registrationDeadline: deadline,
    visaSupport,
  });
  const person = await createContact({ name: 'Нигора Алимова', language: 'ru' });
  const created = await createInvitation({ meetingId: meeting.id, contactId: person.id, role: 'observer' });
  return { row: created, token: invitationLink(created).split('/i/')[1]! };
}

const statusOf = async (id: string) =>
  (await (await getDb()).select().from(invitations).where(eq(invitations.id, id)))[0]!;

describe('answering an invitation by its link', () => {
  it('refuses a link this server did not make, changing nothing', async () => {
    const { row, token } = await invitation({ deadline: new Date('2030-05-01T00:00:00Z') });
    const forged = `${token.slice(0, 40)}AAAAAAAA`;
    expect(await acceptInvitationAction(forged, 'ru', idle, form())).toMatchObject({
      status: 'error',
      refusal: { reason: 'invalidToken' },
    });
    expect(await acceptInvitationAction('', 'en', idle, form())).toMatchObject({
      status: 'error',
      refusal: { reason: 'invalidToken' },
    });
    expect((await statusOf(row.id)).status).toBe('invited');
  });

  it('records an answer in the page’s language, and a reason is optional and bounded', async () => {
    const { row, token } = await invitation({ deadline: new Date('2030-05-01T00:00:00Z') });
    expect(await declineInvitationAction(token, 'ru', idle, form({ reason: 'x'.repeat(1001) }))).toMatchObject({
      status: 'error',
      code: 'fix',
      fieldErrors: { reason: ['tooLong'] },
    });
    // Post/Redirect/Get: an answer lands on the page by a redirect, so a reload does not post it again.
    await expect(declineInvitationAction(token, 'ru', idle, form({ reason: ' Командировка ' }))).rejects.toMatchObject({
      digest: expect.stringMatching(/;\/ru\/i\/[^;]+\?done=declined;/),
    });
    expect(await statusOf(row.id)).toMatchObject({ status: 'declined', declineReason: 'Командировка' });
    await expect(acceptInvitationAction(token, 'en', idle, form())).rejects.toMatchObject({
      digest: expect.stringMatching(/;\/i\/[^;]+\?done=accepted;/),
    });
    expect(await statusOf(row.id)).toMatchObject({ status: 'accepted', declineReason: null });
  });

  it('takes no answer after the deadline', async () => {
    const { row, token } = await invitation({ deadline: new Date('2020-05-01T00:00:00Z') });
    expect(await acceptInvitationAction(token, 'en', idle, form())).toEqual({
      status: 'error',
      message: 'Answers are no longer taken for this meeting.',
    });
    expect((await statusOf(row.id)).status).toBe('invited');
  });
});

const registration = {
  passportName: 'Nigora Alimova',
  displayName: 'Нигора Алимова',
  organisationName: 'Министерство юстиции',
  country: 'UZ',
  phone: '+998 71 123 45 67',
  arrivalDate: '2030-05-13',
  departureDate: '2030-05-15',
  listConsent: 'on',
  dataConsent: 'on',
};
const VISA = {
  nationality: 'UZ',
  passportNumber: 'FA1234567',
  dateOfBirth: '1985-03-04',
  passportExpiry: '2034-01-01',
};
const registrationOf = async (id: string) =>
  (await (await getDb()).select().from(registrations).where(eq(registrations.invitationId, id)))[0];

describe('registering by the link', () => {
  it('refuses a forged link for every registration action', async () => {
    const { row, token } = await invitation({ deadline: new Date('2030-05-01T00:00:00Z') });
    const forged = `${token.slice(0, 40)}AAAAAAAA`;
    for (const action of [registerAction, cancelRegistrationAction, takeSeatAction]) {
      expect(await action(forged, 'ru', idle, form(registration))).toMatchObject({
        status: 'error',
        refusal: { reason: 'invalidToken' },
      });
    }
    expect(await registrationOf(row.id)).toBeUndefined();
  });

  it('gives an error per field, as codes the page words in its language, and saves nothing', async () => {
    const { row, token } = await invitation({ deadline: new Date('2030-05-01T00:00:00Z') });
    const state = await registerAction(
      token,
      'ru',
      idle,
      form({
        ...registration,
        passportName: 'Нигора',
        displayName: ' ',
        country: 'XX',
        phone: 'call me',
        dataConsent: '',
        organisationName: 'x'.repeat(301),
      }),
    );
    // A code the page words in its own language, not a sentence in both.
    expect(state).toMatchObject({
      status: 'error',
      code: 'fix',
      fieldErrors: {
        passportName: ['latin'],
        displayName: ['required'],
        country: ['country'],
        phone: ['phone'],
        dataConsent: ['consent'],
        organisationName: ['tooLong:300'],
      },
    });
    expect(state).not.toHaveProperty('message');
    expect(
      await registerAction(token, 'en', idle, form({ ...registration, departureDate: '2030-05-12' })),
    ).toMatchObject({ status: 'error', fieldErrors: { departureDate: ['stay'] } });
    expect(await registrationOf(row.id)).toBeUndefined();
  });

  it('registers in the page’s language, refuses visa details the meeting does not ask for, and never echoes them', async () => {
    const { row, token } = await invitation({ deadline: new Date('2030-05-01T00:00:00Z') });
    const refused = await registerAction(token, 'ru', idle, form({ ...registration, ...VISA }));
    expect(refused).toMatchObject({
      status: 'error',
      message: 'Для этого совещания визовые данные не запрашиваются, их нельзя отправить.',
    });
    expect(JSON.stringify(refused)).not.toContain('FA1234567');
    expect(await registrationOf(row.id)).toBeUndefined();
    // A visa field that is malformed is refused without being sent back either.
    const bad = await registerAction(
      token,
      'en',
      idle,
      form({ ...registration, ...VISA, passportNumber: 'x', dateOfBirth: '2999-01-01' }),
    );
    expect(bad).toMatchObject({
      status: 'error',
      fieldErrors: { passportNumber: ['passportNumber'], dateOfBirth: ['dateOfBirth'] },
    });
    expect(JSON.stringify(bad)).not.toMatch(/2999|"x"|FA1234567/);

    // Done: back to the delegate's page, which says what happened (Post/Redirect/Get).
    await expect(registerAction(token, 'ru', idle, form(registration))).rejects.toMatchObject({
      digest: expect.stringContaining(`/ru/i/${token}?done=registered`),
    });
    expect(await registrationOf(row.id)).toMatchObject({
      status: 'registered',
      passportName: 'Nigora Alimova',
      listConsent: true,
    });
    await expect(registerAction(token, 'ru', idle, form(registration))).rejects.toMatchObject({
      digest: expect.stringContaining('?done=unchanged'),
    });
    await expect(cancelRegistrationAction(token, 'en', idle, form())).rejects.toMatchObject({
      digest: expect.stringContaining(`;/i/${token}?done=cancelled`),
    });
    expect(await cancelRegistrationAction(token, 'en', idle, form())).toEqual({
      status: 'error',
      message: 'There is no registration to cancel.',
    });
    expect(await takeSeatAction(token, 'en', idle, form())).toEqual({
      status: 'error',
      message: 'This offer is no longer open.',
    });
  });

  it('asks a hybrid meeting’s registrant how they take part, on that field', async () => {
    const { row, token } = await invitation({ deadline: new Date('2030-05-01T00:00:00Z'), format: 'hybrid' });
    expect(await registerAction(token, 'en', idle, form(registration))).toMatchObject({
      status: 'error',
      code: 'fix',
      fieldErrors: { attendance: ['attendance'] },
      // What was typed comes back (a page without JavaScript shows it again).
      values: { passportName: registration.passportName, dataConsent: 'on' },
    });
    expect(await registerAction(token, 'en', idle, form({ ...registration, attendance: 'by pigeon' }))).toMatchObject({
      fieldErrors: { attendance: ['attendance'] },
    });
    await expect(
      registerAction(token, 'en', idle, form({ ...registration, attendance: 'in_person' })),
    ).rejects.toMatchObject({ digest: expect.stringContaining('?done=registered') });
    expect(await registrationOf(row.id)).toMatchObject({ attendance: 'in_person' });
  });

  it('keeps visa details only where asked for, out of the response and the audit log', async () => {
    const { row, token } = await invitation({ deadline: new Date('2030-05-01T00:00:00Z'), visaSupport: true });
    const expired = await registerAction(
      token,
      'en',
      idle,
      form({ ...registration, ...VISA, passportExpiry: '2030-05-01' }),
    );
    expect(expired).toMatchObject({ status: 'error', fieldErrors: { passportExpiry: ['passportExpiry'] } });
    const saved = await registerAction(token, 'en', idle, form({ ...registration, ...VISA })).catch(
      (redirect: Error & { digest: string }) => redirect.digest,
    );
    expect(saved).toContain('?done=registered');
    expect(saved).not.toContain('FA1234567');
    expect((await registrationOf(row.id))!.visaData).toMatch(/^v1:/);
    const log = await (await getDb()).select().from(auditLog).where(eq(auditLog.entityId, row.id));
    expect(JSON.stringify(log)).not.toMatch(/FA1234567|1985-03-04|2034-01-01/);
  });
});

describe('bad input and failed writes', () => {
  const personal = {
    ...registration,
    passportName: 'ALIMOVA NIGORA',
    phone: '+998 71 555 12 34',
    accessibilityNeeds: 'Wheelchair access to the hall',
    dietaryNeeds: 'No gluten, please',
  };
  const PERSONAL_VALUES = [
    'ALIMOVA',
    'Нигора',
    '555 12 34',
    '5551234',
    'Wheelchair',
    'gluten',
    'Министерство',
    'FA1234567',
  ];

  /** Everything the process writes while `run` runs: stdout, stderr and console.*, as the server's log would hold. */
  async function capturedOutput(run: () => Promise<unknown>): Promise<string> {
    const lines: string[] = [];
    const keep = (...args: unknown[]) => {
      lines.push(args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : String(a))).join(' '));
      return true;
    };
    const spies = [
      vi.spyOn(process.stdout, 'write').mockImplementation(keep),
      vi.spyOn(process.stderr, 'write').mockImplementation(keep),
      ...(['error', 'warn', 'info', 'log', 'debug'] as const).map((m) => vi.spyOn(console, m).mockImplementation(keep)),
    ];
    try {
      await run();
      // The action's own line is written once its request id is known (a microtask later).
      await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    return lines.join('\n');
  }

  it('refuses a NUL byte in any field in the page’s language, saving nothing', async () => {
    const { row, token } = await invitation({ deadline: new Date('2030-05-01T00:00:00Z') });
    const state = await registerAction(token, 'ru', idle, form({ ...personal, dietaryNeeds: 'No\0gluten' }));
    expect(state).toMatchObject({ status: 'error', code: 'badCharacters' });
    expect(state.status === 'error' && state.values?.dietaryNeeds).toBe('Nogluten');
    expect(await registrationOf(row.id)).toBeUndefined();
  });

  it('logs a failed registration write as one line naming the action, with none of the registration’s values', async () => {
    const { row, token } = await invitation({ deadline: new Date('2030-05-01T00:00:00Z'), visaSupport: true });
    const db = await getDb();
    // A write the database refuses, as a full disk or a broken constraint would: the error carries the row's values.
    await db.execute(sql`alter table registrations add constraint refuse_all check (false) not valid`);
    let state: unknown;
    const output = await capturedOutput(async () => {
      state = await registerAction(token, 'en', idle, form({ ...personal, ...VISA }));
    }).finally(() => db.execute(sql`alter table registrations drop constraint refuse_all`));
    expect(state).toMatchObject({ status: 'error', code: 'failed' });
    expect(await registrationOf(row.id)).toBeUndefined();
    const lines = output.split('\n').filter((line) => line.startsWith('{'));
    expect(lines.map((line) => JSON.parse(line) as Record<string, unknown>)).toContainEqual(
      expect.objectContaining({ level: 50, action: 'delegate.register', msg: 'action failed' }),
    );
    for (const value of [...PERSONAL_VALUES, token]) expect(output, value).not.toContain(value);
  });
});
