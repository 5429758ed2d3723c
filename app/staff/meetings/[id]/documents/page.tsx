import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { z } from 'zod';
import { ActionForm } from '@/components/action-form';
import { FormRow, inputClass } from '@/components/field';
import { ReorderControls } from '@/components/reorder-controls';
import { Button, Card, DataTable, Notice, PageHeader, Td, Tr } from '@/components/ui';
import { listMeetingDocuments, type StaffDocument } from '@/db/meeting-documents';
import { getMeeting } from '@/db/meetings';
import { DOCUMENT_LANGUAGES, DOCUMENT_VISIBILITIES, MEETING_DOCUMENT_KINDS } from '@/lib/meeting-documents';
import { roleAtLeast } from '@/lib/auth/roles';
import { formatDateTime } from '@/lib/datetime';
import { requireSignedInPage } from '@/services/auth/staff';
import { moveDocumentAction, updateDocumentAction, withdrawDocumentAction } from './actions';
import { formatBytes, KIND_LABELS, LANGUAGE_LABELS, UPLOAD_PROBLEMS, VISIBILITY_LABELS } from './labels';

export const metadata: Metadata = { title: 'Documents' };

const ACCEPT =
  '.pdf,.docx,.xlsx,.pptx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.openxmlformats-officedocument.presentationml.presentation';
const fileInputClass =
  'text-sm file:mr-3 file:min-h-10 file:rounded-md file:border file:border-slate-400 file:bg-white file:px-3';

const documentName = (document: Pick<StaffDocument, 'kind' | 'titleEn'>) =>
  document.titleEn ? `${KIND_LABELS[document.kind]}: ${document.titleEn}` : KIND_LABELS[document.kind];

export default async function MeetingDocumentsPage({
  params,
  searchParams,
}: PageProps<'/staff/meetings/[id]/documents'>) {
  await connection();
  const { id } = await params;
  const staff = await requireSignedInPage(`/staff/meetings/${id}/documents`);
  const meeting = z.uuid().safeParse(id).success ? await getMeeting({ actor: staff, id }) : null;
  if (!meeting) notFound();
  const documents = await listMeetingDocuments({ actor: staff, meetingId: id });
  const canEdit = roleAtLeast(staff.role, 'editor');
  const query = await searchParams;
  const problem =
    typeof query.problem === 'string' ? (UPLOAD_PROBLEMS[query.problem] ?? UPLOAD_PROBLEMS.unreadable) : null;
  const done =
    query.done === 'added' ? 'Document uploaded.' : query.done === 'replaced' ? 'New version uploaded.' : null;
  const zone = staff.timeZone ?? meeting.timeZone;
  const listed = documents.filter((d) => !d.withdrawnAt);
  const upload = `/staff/meetings/${id}/documents/upload`;

  return (
    <>
      <PageHeader back={{ href: `/staff/meetings/${id}`, label: `← ${meeting.titleEn}` }} title="Documents" />
      <p className="max-w-prose text-slate-700">
        PDF, Word, Excel or PowerPoint files of up to 50 MB. Delegates see the documents for invited delegates and the
        public ones on their invitation page, in their language where there is a file in it; the public sees the public
        ones.
      </p>
      {done && (
        <Notice tone="success" role="status" className="mt-3">
          {done}
        </Notice>
      )}
      {problem && (
        <Notice tone="danger" role="alert" className="mt-3" id="upload-problem">
          {problem}
        </Notice>
      )}

      {documents.length === 0 ? (
        <p className="mt-6 text-slate-700">No documents have been uploaded for this meeting.</p>
      ) : (
        documents.map((document) => {
          const name = documentName(document);
          const headingId = `document-${document.id}`;
          const index = listed.indexOf(document);
          return (
            <Card as="section" key={document.id} aria-labelledby={headingId} className="mt-6">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div>
                  <h2 id={headingId} className="text-lg font-semibold">
                    {name}
                  </h2>
                  {document.titleRu && (
                    <p lang="ru" className="text-slate-700">
                      {document.titleRu}
                    </p>
                  )}
                  <p className="text-sm text-slate-700">
                    {document.withdrawnAt
                      ? `Withdrawn ${formatDateTime(document.withdrawnAt, zone, 'en')}: only staff see it.`
                      : `Seen by: ${VISIBILITY_LABELS[document.visibility]}`}
                  </p>
                </div>
                {canEdit && !document.withdrawnAt && (
                  <div className="flex flex-wrap gap-1">
                    <ReorderControls
                      action={moveDocumentAction.bind(null, id, document.id)}
                      name={name}
                      index={index}
                      count={listed.length}
                    />
                    <ActionForm
                      action={withdrawDocumentAction.bind(null, id, document.id)}
                      variant="secondary"
                      submitLabel={
                        <>
                          Withdraw<span className="sr-only"> {name}</span>
                        </>
                      }
                      confirm={{
                        question: `Withdraw “${name}”? Delegates and the public will no longer see it.`,
                        confirmLabel: 'Yes, withdraw',
                      }}
                    />
                  </div>
                )}
              </div>
              <DataTable
                label={`Files of ${name}`}
                columns={['Language', 'Version', 'File', 'Size', 'Uploaded', 'Status']}
              >
                {document.files.map((file) => (
                  <Tr key={file.id}>
                    <Td>{LANGUAGE_LABELS[file.language]}</Td>
                    <Td>{file.version}</Td>
                    <Td>
                      <a href={`/api/documents/${file.id}`} download={file.fileName}>
                        {file.fileName}
                      </a>
                    </Td>
                    <Td className="whitespace-nowrap">{formatBytes(file.byteSize)}</Td>
                    <Td>{formatDateTime(file.uploadedAt, zone, 'en')}</Td>
                    <Td>{file.current ? 'Current' : 'Earlier version'}</Td>
                  </Tr>
                ))}
              </DataTable>
              {canEdit && !document.withdrawnAt && (
                <div className="mt-4 grid gap-4 lg:grid-cols-2">
                  <form
                    method="post"
                    action={upload}
                    encType="multipart/form-data"
                    className="flex flex-col gap-3"
                    aria-label={`New version of ${name}`}
                  >
                    <h3 className="font-semibold">Replace a file or add a language</h3>
                    <input type="hidden" name="documentId" value={document.id} />
                    <FormRow id={`version-language-${document.id}`} label="Language of the new file">
                      <select
                        id={`version-language-${document.id}`}
                        name="language"
                        defaultValue={document.files.find((f) => f.current)?.language ?? 'en'}
                        className={inputClass}
                      >
                        {DOCUMENT_LANGUAGES.map((language) => (
                          <option key={language} value={language}>
                            {LANGUAGE_LABELS[language]}
                          </option>
                        ))}
                      </select>
                    </FormRow>
                    <FormRow id={`version-file-${document.id}`} label="New file">
                      <input
                        id={`version-file-${document.id}`}
                        name="file"
                        type="file"
                        accept={ACCEPT}
                        required
                        className={fileInputClass}
                      />
                    </FormRow>
                    <div>
                      <Button variant="secondary">
                        Upload new version<span className="sr-only"> of {name}</span>
                      </Button>
                    </div>
                  </form>
                  <ActionForm
                    action={updateDocumentAction.bind(null, id, document.id)}
                    submitLabel={
                      <>
                        Save details<span className="sr-only"> of {name}</span>
                      </>
                    }
                    variant="secondary"
                    className="flex flex-col gap-3"
                  >
                    <h3 className="font-semibold">Details</h3>
                    <DocumentFields prefix={`edit-${document.id}`} document={document} />
                  </ActionForm>
                </div>
              )}
            </Card>
          );
        })
      )}

      {canEdit && (
        <Card as="section" aria-labelledby="upload-heading" className="mt-8">
          <h2 id="upload-heading" className="mb-3 text-lg font-semibold">
            Upload a document
          </h2>
          <form
            method="post"
            action={upload}
            encType="multipart/form-data"
            className="grid gap-3 md:grid-cols-2"
            aria-describedby={problem ? 'upload-problem' : undefined}
          >
            <DocumentFields prefix="new" />
            <FormRow id="new-language" label="Language">
              <select id="new-language" name="language" defaultValue="en" className={inputClass}>
                {DOCUMENT_LANGUAGES.map((language) => (
                  <option key={language} value={language}>
                    {LANGUAGE_LABELS[language]}
                  </option>
                ))}
              </select>
            </FormRow>
            {/* Last: the upload route checks the fields above before it stores a byte of the file. */}
            <FormRow id="new-file" label="File (PDF, DOCX, XLSX or PPTX, up to 50 MB)">
              <input id="new-file" name="file" type="file" accept={ACCEPT} required className={fileInputClass} />
            </FormRow>
            <div className="md:col-span-2">
              <Button>Upload document</Button>
            </div>
          </form>
        </Card>
      )}
    </>
  );
}

function DocumentFields({ prefix, document }: { prefix: string; document?: StaffDocument }) {
  return (
    <>
      <FormRow id={`${prefix}-kind`} label="Type">
        <select
          id={`${prefix}-kind`}
          name="kind"
          defaultValue={document?.kind ?? 'concept_note'}
          className={inputClass}
        >
          {MEETING_DOCUMENT_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {KIND_LABELS[kind]}
            </option>
          ))}
        </select>
      </FormRow>
      <FormRow id={`${prefix}-visibility`} label="Who sees it">
        <select
          id={`${prefix}-visibility`}
          name="visibility"
          defaultValue={document?.visibility ?? 'delegates'}
          className={inputClass}
        >
          {DOCUMENT_VISIBILITIES.map((visibility) => (
            <option key={visibility} value={visibility}>
              {VISIBILITY_LABELS[visibility]}
            </option>
          ))}
        </select>
      </FormRow>
      <FormRow id={`${prefix}-title-en`} label="Title in English (optional)">
        <input
          id={`${prefix}-title-en`}
          name="titleEn"
          maxLength={200}
          defaultValue={document?.titleEn ?? ''}
          className={inputClass}
        />
      </FormRow>
      <FormRow id={`${prefix}-title-ru`} label="Title in Russian (optional)">
        <input
          id={`${prefix}-title-ru`}
          name="titleRu"
          lang="ru"
          maxLength={200}
          defaultValue={document?.titleRu ?? ''}
          className={inputClass}
        />
      </FormRow>
    </>
  );
}
