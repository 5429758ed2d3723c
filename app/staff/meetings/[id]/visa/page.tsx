import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { z } from 'zod';
import { AccessDenied } from '@/components/access-denied';
import { DataTable, PageHeader, RowHeader, Td, Tr } from '@/components/ui';
import { getMeetingInvitationSettings } from '@/db/invitations';
import { listVisaLetters, listVisaRequests } from '@/db/visa-letters';
import { roleAtLeast } from '@/lib/auth/roles';
import { countryName } from '@/lib/countries';
import { formatDateTime } from '@/lib/datetime';
import { requireSignedInPage } from '@/services/auth/staff';

export const metadata: Metadata = { title: 'Visa requests' };

const LANGUAGE = { en: 'English', ru: 'Russian' } as const;

export default async function VisaRequestsPage({ params }: PageProps<'/staff/meetings/[id]/visa'>) {
  await connection();
  const { id } = await params;
  const staff = await requireSignedInPage(`/staff/meetings/${id}/visa`);
  // Passport details stand behind this page: admins only.
  if (!roleAtLeast(staff.role, 'admin')) return <AccessDenied needed="admin" />;
  const meeting = z.uuid().safeParse(id).success
    ? await getMeetingInvitationSettings({ actor: staff, meetingId: id })
    : null;
  if (!meeting) notFound();
  const [requests, letters] = await Promise.all([
    listVisaRequests({ actor: staff, meetingId: id }),
    listVisaLetters({ actor: staff, meetingId: id }),
  ]);
  const zone = staff.timeZone ?? meeting.timeZone;
  const link = (invitationId: string, file: string) => `/staff/meetings/${id}/visa/${invitationId}/${file}`;

  return (
    <>
      <PageHeader back={{ href: `/staff/meetings/${id}`, label: `← ${meeting.titleEn}` }} title="Visa requests" />
      <p className="text-slate-700">
        Registered participants who asked for visa support. Each letter is written when you download it, is never
        stored, and is entered in the register and the audit log.
      </p>
      {requests.length === 0 ? (
        <p className="mt-4">No registered participant has asked for visa support.</p>
      ) : (
        <DataTable
          label="Visa requests"
          columns={['Participant', 'Nationality', 'Letter issued', 'Letter in English', 'Letter in Russian']}
        >
          {requests.map((r) => (
            <Tr key={r.invitationId}>
              <RowHeader>
                {r.passportName}
                {r.displayName !== r.passportName && <span className="block font-normal">{r.displayName}</span>}
              </RowHeader>
              <Td>{r.nationality ? countryName(r.nationality, 'en') : '—'}</Td>
              <Td>
                {r.lastIssuedAt
                  ? `${formatDateTime(r.lastIssuedAt, zone, 'en')} by ${r.lastIssuedBy ?? 'a former staff member'}`
                  : 'Not yet'}
              </Td>
              {(['en', 'ru'] as const).map((language) => (
                <Td key={language} className="whitespace-nowrap">
                  <a href={link(r.invitationId, `${language}/docx`)} download>
                    DOCX
                    <span className="sr-only">
                      , {LANGUAGE[language]}, for {r.passportName}
                    </span>
                  </a>{' '}
                  ·{' '}
                  <a href={link(r.invitationId, `${language}/pdf`)} download>
                    PDF
                    <span className="sr-only">
                      , {LANGUAGE[language]}, for {r.passportName}
                    </span>
                  </a>
                </Td>
              ))}
            </Tr>
          ))}
        </DataTable>
      )}

      <section aria-labelledby="letters" className="mt-8">
        <h2 id="letters" className="text-lg font-semibold">
          Letters issued
        </h2>
        {letters.length === 0 ? (
          <p className="mt-2">None yet.</p>
        ) : (
          <DataTable label="Visa support letters issued" columns={['When', 'Participant', 'Language', 'Issued by']}>
            {letters.map((l) => (
              <Tr key={l.id}>
                <RowHeader>{formatDateTime(l.issuedAt, zone, 'en')}</RowHeader>
                <Td>{l.passportName}</Td>
                <Td>{l.language === 'ru' ? 'Russian' : 'English'}</Td>
                <Td>{l.issuedByEmail ?? 'a former staff member'}</Td>
              </Tr>
            ))}
          </DataTable>
        )}
      </section>
    </>
  );
}
