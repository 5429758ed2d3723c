import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { z } from 'zod';
import { ActionForm } from '@/components/action-form';
import { FormRow, inputClass } from '@/components/field';
import { Card, DataTable, PageHeader, RowHeader, Td, Tr } from '@/components/ui';
import { getNoteSettings, listNotesVerbales, notePlaceholderValues } from '@/db/notes-verbales';
import { roleAtLeast } from '@/lib/auth/roles';
import { formatDate } from '@/lib/datetime';
import { requireSignedInPage } from '@/services/auth/staff';
import { issueNoteAction, saveNoteSettingsAction, saveNoteTextsAction } from './actions';
import { NoteTextsEditor } from './note-texts-editor';

export const metadata: Metadata = { title: 'Notes verbales' };

const SAMPLE = {
  en: 'Ministry of Foreign Affairs of the Republic of Kazakhstan',
  ru: 'Министерству иностранных дел Республики Казахстан',
};

export default async function NotesVerbalesPage({ params }: PageProps<'/staff/meetings/[id]/notes-verbales'>) {
  await connection();
  const { id } = await params;
  const staff = await requireSignedInPage(`/staff/meetings/${id}/notes-verbales`);
  const settings = z.uuid().safeParse(id).success ? await getNoteSettings({ actor: staff, meetingId: id }) : null;
  if (!settings) notFound();
  const { meeting } = settings;
  const register = await listNotesVerbales({ actor: staff, meetingId: id });
  const canEdit = roleAtLeast(staff.role, 'editor');
  const isAdmin = roleAtLeast(staff.role, 'admin');
  const sample = (language: 'en' | 'ru') =>
    notePlaceholderValues(meeting, language, {
      addressee: SAMPLE[language],
      quota: 3,
      deadline: meeting.registrationDeadline,
    });

  return (
    <>
      <PageHeader back={{ href: `/staff/meetings/${id}`, label: `← ${meeting.titleEn}` }} title="Notes verbales" />
      <p className="text-slate-700">
        References run {settings.prefix}/{new Date().getFullYear()}/001, 002 … through the year
        {settings.place.en ? `, dated at ${settings.place.en}` : ''}.
      </p>

      <section aria-labelledby="register" className="mt-6">
        <h2 id="register" className="text-lg font-semibold">
          Register
        </h2>
        {register.length === 0 ? (
          <p className="mt-2 text-slate-700">No note verbale has been issued for this meeting.</p>
        ) : (
          <DataTable
            label="Notes verbales issued"
            columns={['Number', 'Date', 'Addressee', 'Language', 'Issued by', 'File']}
          >
            {register.map((note) => (
              <Tr key={note.id}>
                <RowHeader>{note.reference}</RowHeader>
                <Td>{formatDate(note.issuedAt, meeting.timeZone, 'en')}</Td>
                <Td lang={note.language}>{note.addressee}</Td>
                <Td>{note.language === 'ru' ? 'Russian' : 'English'}</Td>
                <Td>{note.issuedByEmail ?? 'the system'}</Td>
                <Td className="whitespace-nowrap">
                  <a href={`/staff/meetings/${id}/notes-verbales/${note.id}/docx`} download>
                    DOCX<span className="sr-only"> of {note.reference}</span>
                  </a>{' '}
                  ·{' '}
                  <a href={`/staff/meetings/${id}/notes-verbales/${note.id}/pdf`} download>
                    PDF<span className="sr-only"> of {note.reference}</span>
                  </a>
                </Td>
              </Tr>
            ))}
          </DataTable>
        )}
      </section>

      {canEdit && (
        <Card as="section" aria-labelledby="issue" className="mt-8">
          <h2 id="issue" className="mb-3 text-lg font-semibold">
            Issue a note verbale
          </h2>
          <p className="mb-3 text-sm text-slate-700">
            For an addressee outside the delegations’ invitations. It takes the next reference number and enters the
            register.
          </p>
          <ActionForm
            action={issueNoteAction.bind(null, id)}
            submitLabel="Issue note verbale"
            className="grid gap-3 md:grid-cols-2"
          >
            <FormRow id="note-language" label="Language">
              <select id="note-language" name="language" defaultValue="en" className={inputClass}>
                <option value="en">English</option>
                <option value="ru">Russian</option>
              </select>
            </FormRow>
            <FormRow
              id="note-addressee"
              label="Addressee, as the note names it"
              hint="Without an article in English (Ministry of Foreign Affairs of …); in the dative in Russian (Министерству иностранных дел …)."
            >
              <input id="note-addressee" name="addressee" required maxLength={300} className={inputClass} />
            </FormRow>
            <FormRow id="note-quota" label="Seats offered">
              <input
                id="note-quota"
                name="quota"
                type="number"
                min={1}
                max={50}
                defaultValue={3}
                className={inputClass}
              />
            </FormRow>
            <FormRow id="note-deadline" label="Nomination deadline (optional)">
              <input id="note-deadline" name="deadline" type="date" className={inputClass} />
            </FormRow>
          </ActionForm>
        </Card>
      )}

      {canEdit && (
        <Card as="section" aria-labelledby="texts" className="mt-8">
          <h2 id="texts" className="mb-3 text-lg font-semibold">
            Text of the notes verbales
          </h2>
          <NoteTextsEditor
            action={saveNoteTextsAction.bind(null, id)}
            texts={{ noteTextEn: settings.texts.en, noteTextRu: settings.texts.ru }}
            samples={{ en: sample('en'), ru: sample('ru') }}
          />
        </Card>
      )}

      {isAdmin && (
        <Card as="section" aria-labelledby="numbering" className="mt-8">
          <h2 id="numbering" className="mb-3 text-lg font-semibold">
            Reference prefix and place
          </h2>
          <p className="mb-3 text-sm text-slate-700">For every meeting of this council.</p>
          <ActionForm
            action={saveNoteSettingsAction.bind(null, id)}
            submitLabel="Save"
            className="grid gap-3 md:grid-cols-3"
          >
            <FormRow
              id="note-prefix"
              label="Reference prefix"
              hint={`Blank: ${settings.prefix === settings.prefixSetting ? 'the secretariat’s acronym' : settings.prefix}.`}
            >
              <input
                id="note-prefix"
                name="prefix"
                defaultValue={settings.prefixSetting ?? ''}
                className={inputClass}
              />
            </FormRow>
            <FormRow id="note-place-en" label="Place, English">
              <input id="note-place-en" name="placeEn" defaultValue={settings.place.en ?? ''} className={inputClass} />
            </FormRow>
            <FormRow id="note-place-ru" label="Place, Russian">
              <input
                id="note-place-ru"
                name="placeRu"
                lang="ru"
                defaultValue={settings.place.ru ?? ''}
                className={inputClass}
              />
            </FormRow>
          </ActionForm>
        </Card>
      )}
    </>
  );
}
