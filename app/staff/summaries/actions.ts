'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { draftMeetingSummary } from '@/db/summary-drafting';
import { restoreSummaryVersion, saveSummaryText } from '@/db/summary-editing';
import { removeSummaryPhoto } from '@/db/summary-photos';
import { publishSummary, returnSummaryToDraft, submitSummaryForReview, unpublishSummary } from '@/db/summary-workflow';
import { staffAction } from '@/services/actions';
import { summaryRefusal } from './messages';
import { renderMarkdown } from '@/lib/summary/markdown';
import { refreshPublicNews } from '@/lib/summary/public-cache';
import { refreshPublicMeetings } from '@/lib/public-meeting-cache';
import { summaryFormSchema } from './summary-schema';

const summaryId = z.tuple([z.uuid()]);

const showSummary = (id: string) => {
  revalidatePath(`/staff/summaries/${id}`);
  revalidatePath('/staff/summaries');
};

export const draftSummaryAction = staffAction(
  { name: 'summaries.draft', role: 'editor', bound: z.tuple([z.uuid()]), schema: z.object({}) },
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
  { name: 'summaries.save', role: 'editor', bound: summaryId, schema: summaryFormSchema },
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
      const state = summaryRefusal(result);
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
    name: 'summaries.previewMarkdown',
    role: 'editor',
    schema: z.object({ markdown: z.string().max(30_000, 'The text must be at most 30,000 characters.') }),
  },
  async ({ markdown }) => ({ status: 'success', message: '', preview: { markdown: renderMarkdown(markdown) } }),
);

export const restoreVersionAction = staffAction(
  {
    name: 'summaries.restoreVersion',
    role: 'editor',
    bound: z.tuple([z.uuid(), z.number().int().positive()]),
    schema: z.object({}),
  },
  async (_, { staff, bound: [id, number] }) => {
    const result = await restoreSummaryVersion(staff, id, number);
    if (!result.ok) return summaryRefusal(result);
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
  { name: 'summaries.submitForReview', role: 'editor', bound: summaryId, schema: z.object({}) },
  async (_, { staff, bound: [id] }) => {
    const result = await submitSummaryForReview(staff, id);
    if (!result.ok) return summaryRefusal(result);
    showSummary(id);
    redirect(`/staff/summaries/${id}?done=submitted`);
  },
);

export const returnToDraftAction = staffAction(
  { name: 'summaries.returnToDraft', role: 'editor', bound: summaryId, schema: z.object({}) },
  async (_, { staff, bound: [id] }) => {
    const result = await returnSummaryToDraft(staff, id);
    if (!result.ok) return summaryRefusal(result);
    showSummary(id);
    redirect(`/staff/summaries/${id}?done=returned`);
  },
);

export const publishSummaryAction = staffAction(
  { name: 'summaries.publish', role: 'editor', bound: summaryId, schema: z.object({}) },
  async (_, { staff, bound: [id] }) => {
    const result = await publishSummary(staff, id);
    if (!result.ok) return summaryRefusal(result);
    refreshPublicNews(result.slug!);
    // The meeting's page links to its summary once published.
    refreshPublicMeetings();
    showSummary(id);
    revalidatePath('/staff/meetings/[id]', 'page');
    redirect(`/staff/summaries/${id}?done=published`);
  },
);

export const unpublishSummaryAction = staffAction(
  { name: 'summaries.unpublish', role: 'editor', bound: summaryId, schema: z.object({}) },
  async (_, { staff, bound: [id] }) => {
    const result = await unpublishSummary(staff, id);
    if (!result.ok) return summaryRefusal(result);
    refreshPublicNews(result.slug!);
    // The meeting's page links to its summary once published.
    refreshPublicMeetings();
    showSummary(id);
    revalidatePath('/staff/meetings/[id]', 'page');
    redirect(`/staff/summaries/${id}?done=unpublished`);
  },
);

export const removePhotoAction = staffAction(
  { name: 'summaries.removePhoto', role: 'editor', bound: z.tuple([z.uuid(), z.uuid()]), schema: z.object({}) },
  async (_, { staff, bound: [id, photoId] }) => {
    const result = await removeSummaryPhoto(staff, id, photoId);
    if (!result.ok) return summaryRefusal(result);
    showSummary(id);
    return { status: 'success', message: 'Photo removed.' };
  },
);
