import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { ActionForm } from '@/components/action-form';
import { Field, inputClass } from '@/components/field';
import { TableHead } from '@/components/table-head';
import { TableScroll } from '@/components/table-scroll';
import { getSummary, listVersions } from '@/db/summaries';
import { roleAtLeast } from '@/lib/auth/roles';
import { getCurrentStaff, requireSignedInPage } from '@/services/auth/staff';
import { formatDateTime } from '@/lib/datetime';
import { SUMMARY_STATUS_LABELS } from '@/lib/domain';
import { renderMarkdown } from '@/lib/summary/markdown';
import { PHOTO_MAX_BYTES, PHOTO_MIN_WIDTH } from '@/lib/summary/photo';
import {
  previewMarkdownAction,
  publishSummaryAction,
  removePhotoAction,
  restoreVersionAction,
  returnToDraftAction,
  saveSummaryAction,
  submitForReviewAction,
  unpublishSummaryAction,
} from '../actions';
import { WORKFLOW_DONE } from '../workflow-messages';
import { SummaryEditor } from './summary-editor';

const PHOTO_PROBLEMS: Record<string, string> = {
  missing: 'Choose a photo to upload.',
  tooLarge: `The photo is larger than ${PHOTO_MAX_BYTES / 1024 / 1024} MB; choose a smaller file.`,
  notAnImage: 'That file is not a readable image.',
  wrongType: 'Upload a JPEG, PNG or WebP photo (other types, such as SVG or GIF, are not accepted).',
  tooSmall: `The photo must be at least ${PHOTO_MIN_WIDTH} pixels wide to look sharp on the news page.`,
  unreadable: 'The upload could not be read. Try again.',
  notDraft: 'Photos can be changed only while the summary is a draft.',
  notFound: 'That summary no longer exists.',
};

export async function generateMetadata({ params }: PageProps<'/staff/summaries/[id]'>): Promise<Metadata> {
  const { id } = await params;
  const staff = await getCurrentStaff();
  const summary =
    staff && z.uuid().safeParse(id).success ? await getSummary({ actor: staff, id }).catch(() => null) : null;
  return { title: summary ? `Summary: ${summary.headlineEn || summary.meeting.titleEn}` : 'Summary not found' };
}

export default async function StaffSummaryPage({ params, searchParams }: PageProps<'/staff/summaries/[id]'>) {
  const { id } = await params;
  const staff = await requireSignedInPage(`/staff/summaries/${id}`);
  if (!z.uuid().safeParse(id).success) notFound();
  const [summary, versions] = await Promise.all([
    getSummary({ actor: staff, id }),
    listVersions({ actor: staff, summaryId: id }),
  ]);
  if (!summary) notFound();
  const query = await searchParams;
  const param = (name: string) => (typeof query[name] === 'string' ? (query[name] as string) : undefined);
  const canEdit = roleAtLeast(staff.role, 'editor');
  const editable = canEdit && summary.status === 'draft';
  const zone = summary.meeting.timeZone;
  const when = (at: Date) => formatDateTime(at, zone, 'en');
  const photoError = param('photoError');
  const done = param('done');
  const doneMessage = done && done in WORKFLOW_DONE ? WORKFLOW_DONE[done as keyof typeof WORKFLOW_DONE] : null;

  return (
    <>
      <p className="text-sm">
        <Link href={`/staff/meetings/${summary.meeting.id}`}>← {summary.meeting.titleEn}</Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold">Summary</h1>
      {doneMessage && (
        <p
          role="status"
          className="mt-3 rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900"
        >
          {doneMessage}
        </p>
      )}
      <dl className="mt-4 grid gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">Status</dt>
        <dd>
          <strong>{SUMMARY_STATUS_LABELS[summary.status]}</strong> · version {summary.version}
        </dd>
        {summary.submittedAt && (
          <>
            <dt className="font-medium">Submitted for review</dt>
            <dd>
              {when(summary.submittedAt)} by {summary.submittedByEmail ?? 'a former staff member'}
            </dd>
          </>
        )}
        {summary.status === 'published' && summary.publishedAt && (
          <>
            <dt className="font-medium">Published</dt>
            <dd>
              {when(summary.publishedAt)} by {summary.publishedByEmail ?? 'a former staff member'} ·{' '}
              <a href={`/news/${summary.slug}`}>English page</a> · <a href={`/ru/news/${summary.slug}`}>Russian page</a>
            </dd>
          </>
        )}
      </dl>

      {canEdit && (
        <section aria-labelledby="workflow" className="mt-6">
          <h2 id="workflow" className="text-lg font-semibold">
            Review and publication
          </h2>
          {summary.status === 'draft' && (
            <>
              <p className="mt-1 text-sm text-slate-700">
                When both languages, the slug and at least one photo are ready, submit it. Another editor or an admin
                then publishes it.
              </p>
              <div className="mt-2">
                <ActionForm action={submitForReviewAction.bind(null, summary.id)} submitLabel="Submit for review" />
              </div>
            </>
          )}
          {summary.status === 'in_review' && (
            <>
              <p className="mt-1 text-sm text-slate-700">
                {summary.submittedById === staff.id
                  ? 'You submitted this summary, so another editor or an admin has to publish it (four eyes).'
                  : 'Read it through, then publish it, or return it to draft for changes.'}
              </p>
              <div className="mt-2 flex flex-wrap gap-4">
                <ActionForm
                  action={publishSummaryAction.bind(null, summary.id)}
                  submitLabel="Publish"
                  pendingLabel="Publishing…"
                />
                <ActionForm
                  action={returnToDraftAction.bind(null, summary.id)}
                  submitLabel="Return to draft"
                  variant="secondary"
                />
              </div>
            </>
          )}
          {summary.status === 'published' && (
            <>
              <p className="mt-1 text-sm text-slate-700">
                Published text cannot be changed. Unpublishing takes the pages off the public site (they answer “not
                found”), puts the meeting back to “held” and makes the summary a draft again.
              </p>
              <div className="mt-2">
                <ActionForm
                  action={unpublishSummaryAction.bind(null, summary.id)}
                  submitLabel="Unpublish"
                  variant="danger"
                />
              </div>
            </>
          )}
        </section>
      )}

      <section aria-labelledby="text" className="mt-8">
        <h2 id="text" className="text-lg font-semibold">
          Text
        </h2>
        {!editable && (
          <p className="mt-1 text-sm text-slate-700">
            {canEdit ? 'Only a draft can be edited.' : 'You can read the summary; editing needs the editor role.'}
          </p>
        )}
        <div className="mt-2">
          <SummaryEditor
            action={saveSummaryAction.bind(null, summary.id)}
            previewAction={previewMarkdownAction}
            text={summary}
            version={summary.version}
            previews={{ bodyEn: renderMarkdown(summary.bodyEn), bodyRu: renderMarkdown(summary.bodyRu) }}
            editable={editable}
          />
        </div>
      </section>

      <section aria-labelledby="photos" id="photos" className="mt-8 scroll-mt-4">
        <h2 id="photos-heading" className="text-lg font-semibold">
          Photos
        </h2>
        {param('photo') === 'added' && (
          <p
            role="status"
            className="mt-2 rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900"
          >
            Photo added.
          </p>
        )}
        {summary.photos.length === 0 ? (
          <p className="mt-2 text-sm text-slate-700">
            No photos yet. A summary needs at least one (it is also the image shown when the page is shared).
          </p>
        ) : (
          <ul className="mt-2 grid gap-4 sm:grid-cols-2">
            {summary.photos.map((photo, index) => (
              <li key={photo.id} className="rounded-lg border border-slate-200 bg-white p-3">
                {/* eslint-disable-next-line @next/next/no-img-element -- a staff thumbnail of a private photo */}
                <img
                  src={`/api/photos/${photo.id}`}
                  alt={photo.altEn}
                  width={photo.width}
                  height={photo.height}
                  className="h-auto w-full rounded"
                  loading="lazy"
                />
                <p className="mt-2 text-sm">
                  <span className="font-medium">Photo {index + 1}</span> · {photo.width}×{photo.height} ·{' '}
                  {Math.round(photo.byteSize / 1024)} KB
                </p>
                <p className="text-sm">Description (English): {photo.altEn}</p>
                <p className="text-sm" lang="ru">
                  <span lang="en">Description (Russian):</span> {photo.altRu}
                </p>
                <p className="text-sm">Credit: {photo.credit}</p>
                {editable && (
                  <div className="mt-2">
                    <ActionForm
                      action={removePhotoAction.bind(null, summary.id, photo.id)}
                      submitLabel={`Remove photo ${index + 1}`}
                      variant="secondary"
                    />
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
        {editable && (
          <form
            method="post"
            action={`/staff/summaries/${summary.id}/photos`}
            encType="multipart/form-data"
            className="mt-4 space-y-3 rounded-lg border border-slate-200 bg-white p-4"
            aria-labelledby="add-photo"
          >
            <h3 id="add-photo" className="font-semibold">
              Add a photo
            </h3>
            {photoError && (
              <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
                The photo was not added: please correct the fields marked below.
              </p>
            )}
            <Field
              id="photo"
              label="Photo (JPEG, PNG or WebP)"
              hint={`Up to ${PHOTO_MAX_BYTES / 1024 / 1024} MB, at least ${PHOTO_MIN_WIDTH} pixels wide.`}
              error={photoError ? PHOTO_PROBLEMS[photoError] : undefined}
            >
              {(aria) => (
                <input
                  {...aria}
                  type="file"
                  name="photo"
                  accept="image/jpeg,image/png,image/webp"
                  className="block text-sm"
                />
              )}
            </Field>
            <Field
              id="altEn"
              label="Description for people who cannot see it, English (alt text)"
              error={param('altEnError')}
            >
              {(aria) => <input {...aria} name="altEn" defaultValue={param('altEn')} className={inputClass} />}
            </Field>
            <Field
              id="altRu"
              label="Description for people who cannot see it, Russian (alt text)"
              error={param('altRuError')}
            >
              {(aria) => (
                <input {...aria} name="altRu" lang="ru" defaultValue={param('altRu')} className={inputClass} />
              )}
            </Field>
            <Field id="credit" label="Credit" hint="Whose photo it is, e.g. UNRCCA." error={param('creditError')}>
              {(aria) => <input {...aria} name="credit" defaultValue={param('credit')} className={inputClass} />}
            </Field>
            <button
              type="submit"
              className="inline-flex min-h-10 items-center rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800"
            >
              Upload photo
            </button>
          </form>
        )}
      </section>

      <section aria-labelledby="versions" className="mt-8">
        <h2 id="versions" className="text-lg font-semibold">
          Versions
        </h2>
        <p className="mt-1 text-sm text-slate-700">
          Every save keeps a version of the text (photos are not versioned). Times are in the venue’s zone.
        </p>
        {versions.length > 1 && (
          <form
            method="get"
            action={`/staff/summaries/${summary.id}/compare`}
            className="mt-3 flex flex-wrap items-end gap-3"
          >
            <VersionSelect id="from" label="Compare version" versions={versions} selected={versions[1]!.number} />
            <VersionSelect id="to" label="with version" versions={versions} selected={versions[0]!.number} />
            <button
              type="submit"
              className="inline-flex min-h-10 items-center rounded-md border border-slate-400 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100"
            >
              Compare
            </button>
          </form>
        )}
        <div className="mt-3">
          <TableScroll label="Versions of the summary">
            <table className="w-full text-left text-sm">
              <TableHead columns={['Version', 'Saved', 'By', 'What', ...(editable ? ['Restore'] : [])]} />
              <tbody>
                {versions.map((version) => (
                  <tr key={version.number} className="border-t border-slate-200">
                    <td className="py-2 pr-3">{version.number}</td>
                    <td className="py-2 pr-3">{when(version.savedAt)}</td>
                    <td className="py-2 pr-3">{version.savedByEmail ?? '—'}</td>
                    <td className="py-2 pr-3">{version.note}</td>
                    {editable && (
                      <td className="py-2 pr-3">
                        {version.number !== summary.version && (
                          <ActionForm
                            action={restoreVersionAction.bind(null, summary.id, version.number)}
                            submitLabel={`Restore version ${version.number}`}
                            variant="secondary"
                          />
                        )}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </div>
      </section>
    </>
  );
}

function VersionSelect({
  id,
  label,
  versions,
  selected,
}: {
  id: string;
  label: string;
  versions: { number: number }[];
  selected: number;
}) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <select id={id} name={id} defaultValue={selected} className={inputClass}>
        {versions.map((v) => (
          <option key={v.number} value={v.number}>
            {v.number}
          </option>
        ))}
      </select>
    </div>
  );
}
