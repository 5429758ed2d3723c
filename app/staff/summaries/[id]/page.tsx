import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { ActionForm } from '@/components/action-form';
import { Card, PageHeader } from '@/components/ui';
import { getSummary, listVersions } from '@/db/summaries';
import { roleAtLeast } from '@/lib/auth/roles';
import { getCurrentStaff, requireSignedInPage } from '@/services/auth/staff';
import { formatDateTime } from '@/lib/datetime';
import { SUMMARY_STATUS_LABELS } from '@/lib/domain';
import { renderMarkdown } from '@/lib/summary/markdown';
import { newsPath } from '@/lib/summary/public';
import {
  previewMarkdownAction,
  publishSummaryAction,
  returnToDraftAction,
  saveSummaryAction,
  submitForReviewAction,
  unpublishSummaryAction,
} from '../actions';
import { WORKFLOW_DONE } from '../workflow-messages';
import { PhotosSection } from './photos-section';
import { SummaryEditor } from './summary-editor';
import { VersionsSection } from './versions-section';
import { PageNotice } from '@/components/form-status';

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
  const done = param('done');
  const doneMessage = done && done in WORKFLOW_DONE ? WORKFLOW_DONE[done as keyof typeof WORKFLOW_DONE] : null;

  return (
    <>
      <PageHeader
        back={{ href: `/staff/meetings/${summary.meeting.id}`, label: `← ${summary.meeting.titleEn}` }}
        title="Summary"
      />
      {doneMessage && <PageNotice className="mt-3">{doneMessage}</PageNotice>}
      <Card as="dl" className="mt-4 grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
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
              <a href={newsPath('en', summary.slug)}>English page</a> ·{' '}
              <a href={newsPath('ru', summary.slug)}>Russian page</a>
            </dd>
          </>
        )}
      </Card>

      {canEdit && (
        <section aria-labelledby="workflow" className="mt-6">
          <h2 id="workflow" className="text-lg font-semibold">
            Review and publication
          </h2>
          {summary.status === 'draft' && (
            <>
              <p className="mt-1 text-sm text-slate-700">
                When both languages and the slug are ready, submit it. Another editor or an admin then publishes it.
                {summary.photos.length === 0 && ' A photo is recommended: the page is shared with it.'}
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
                {/* Four eyes: the submitter is not offered a button the action would refuse them. */}
                {summary.submittedById !== staff.id && (
                  <ActionForm
                    action={publishSummaryAction.bind(null, summary.id)}
                    submitLabel="Publish"
                    pendingLabel="Publishing…"
                  />
                )}
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

      <PhotosSection summary={summary} editable={editable} param={param} />

      <VersionsSection summary={summary} versions={versions} editable={editable} />
    </>
  );
}
