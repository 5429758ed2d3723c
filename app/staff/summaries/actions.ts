'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { draftMeetingSummary } from '@/db/summary-drafting';
import { restoreSummaryVersion, saveSummaryText, type SummaryChangeResult } from '@/db/summary-editing';
import { removeSummaryPhoto } from '@/db/summary-photos';
import { publishSummary, returnSummaryToDraft, submitSummaryForReview, unpublishSummary } from '@/db/summary-workflow';
import { staffAction } from '@/services/actions';
import type { FormState } from '@/lib/form-state';
import { renderMarkdown } from '@/lib/summary/markdown';
import { refreshPublicNews } from '@/lib/summary/public-cache';
import { summaryFormSchema } from './summary-schema';

const summaryId = z.tuple([z.uuid()]);

const MISSING_LABELS: Record<string, string> = {
  slug: 'slug',
  headlineEn: 'English headline',
  headlineRu: 'Russian headline',
  leadEn: 'English lead',
  leadRu: 'Russian lead',
  bodyEn: 'English text',
  bodyRu: 'Russian text',
  photo: 'at least one photo',
};

function refused(result: Exclude<SummaryChangeResult, { ok: true }>): FormState {
  const messages: Record<typeof result.reason, string> = {
    notFound: 'That summary (or photo) no longer exists.',
    notDraft: 'Only a draft can be changed: return the summary to draft first (a published one: unpublish it).',
    conflict:
      'Someone saved this summary after you opened it; nothing was saved. Copy your changes, reload the page and apply them again.',
    slugTaken: 'Another summary already uses this slug.',
    incomplete: `Before review, the summary needs: ${(result.missing ?? []).map((m) => MISSING_LABELS[m] ?? m).join(', ')}.`,
    ownSubmission:
      'You submitted this summary for review, so you cannot publish it: another editor or an admin must (four eyes).',
    notInReview: 'Only a summary in review can be published or returned to draft.',
    notPublished: 'This summary is not published.',
    meetingNotHeld: 'A summary can be published only for a meeting marked as held.',
    versionNotFound: 'That version does not exist.',
  };
  const message = messages[result.reason];
  return { status: 'error', message, ...(result.reason === 'slugTaken' ? { fieldErrors: { slug: [message] } } : {}) };
}

const showSummary = (id: string) => {
  revalidatePath(`/staff/summaries/${id}`);
  revalidatePath('/staff/summaries');
};

export const draftSummaryAction = staffAction(
  { role: 'editor', bound: z.tuple([z.uuid()]), schema: z.object({}) },
  async (_, { staff, bound: [meetingId] }) => {
    const result = await draftMeetingSummary(staff, meetingId);
    if (!result.ok && result.reason !== 'exists') {
      return {
        status: 'error',
        message:
          result.reason === 'notHeld'
            ? 'A summary can be drafted once the meeting is marked as held.'
            : 'That meeting no longer exists.',
      };
    }
    revalidatePath(`/staff/meetings/${meetingId}`);
    redirect(`/staff/summaries/${result.summaryId}`);
  },
);

export const saveSummaryAction = staffAction(
  { role: 'editor', bound: summaryId, schema: summaryFormSchema },
  async ({ intent, baseVersion, ...text }, { staff, bound: [id] }) => {
    if (intent === 'preview') {
      return {
        status: 'success',
        message: 'Preview below. Nothing was saved yet.',
        values: { ...text, baseVersion: String(baseVersion) },
        preview: { bodyEn: renderMarkdown(text.bodyEn), bodyRu: renderMarkdown(text.bodyRu) },
      };
    }
    const result = await saveSummaryText(staff, id, baseVersion, text);
    if (!result.ok) {
      const state = refused(result);
      return state.status === 'error' ? { ...state, values: { ...text, baseVersion: String(baseVersion) } } : state;
    }
    showSummary(id);
    return {
      status: 'success',
      message: result.unchanged ? 'Nothing had changed; no new version.' : `Saved as version ${result.version}.`,
    };
  },
);

/** The live preview while typing: the same rendering and sanitising as the public page. */
export const previewMarkdownAction = staffAction(
  {
    role: 'editor',
    schema: z.object({ markdown: z.string().max(30_000, 'The text must be at most 30,000 characters.') }),
  },
  async ({ markdown }) => ({ status: 'success', message: '', preview: { markdown: renderMarkdown(markdown) } }),
);

export const restoreVersionAction = staffAction(
  { role: 'editor', bound: z.tuple([z.uuid(), z.number().int().positive()]), schema: z.object({}) },
  async (_, { staff, bound: [id, number] }) => {
    const result = await restoreSummaryVersion(staff, id, number);
    if (!result.ok) return refused(result);
    showSummary(id);
    return {
      status: 'success',
      message: result.unchanged
        ? `Version ${number} is the current text already.`
        : `Version ${number} restored as version ${result.version}.`,
    };
  },
);

export const submitForReviewAction = staffAction(
  { role: 'editor', bound: summaryId, schema: z.object({}) },
  async (_, { staff, bound: [id] }) => {
    const result = await submitSummaryForReview(staff, id);
    if (!result.ok) return refused(result);
    showSummary(id);
    redirect(`/staff/summaries/${id}?done=submitted`);
  },
);

export const returnToDraftAction = staffAction(
  { role: 'editor', bound: summaryId, schema: z.object({}) },
  async (_, { staff, bound: [id] }) => {
    const result = await returnSummaryToDraft(staff, id);
    if (!result.ok) return refused(result);
    showSummary(id);
    redirect(`/staff/summaries/${id}?done=returned`);
  },
);

export const publishSummaryAction = staffAction(
  { role: 'editor', bound: summaryId, schema: z.object({}) },
  async (_, { staff, bound: [id] }) => {
    const result = await publishSummary(staff, id);
    if (!result.ok) return refused(result);
    refreshPublicNews(result.slug!);
    showSummary(id);
    revalidatePath('/staff/meetings/[id]', 'page');
    redirect(`/staff/summaries/${id}?done=published`);
  },
);

export const unpublishSummaryAction = staffAction(
  { role: 'editor', bound: summaryId, schema: z.object({}) },
  async (_, { staff, bound: [id] }) => {
    const result = await unpublishSummary(staff, id);
    if (!result.ok) return refused(result);
    refreshPublicNews(result.slug!);
    showSummary(id);
    revalidatePath('/staff/meetings/[id]', 'page');
    redirect(`/staff/summaries/${id}?done=unpublished`);
  },
);

export const removePhotoAction = staffAction(
  { role: 'editor', bound: z.tuple([z.uuid(), z.uuid()]), schema: z.object({}) },
  async (_, { staff, bound: [id, photoId] }) => {
    const result = await removeSummaryPhoto(staff, id, photoId);
    if (!result.ok) return refused(result);
    showSummary(id);
    return { status: 'success', message: 'Photo removed.' };
  },
);
