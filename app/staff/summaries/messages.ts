import type { SummaryChangeResult } from '@/db/summary-editing';
import type { FormState } from '@/lib/form-state';

// What the data layer's refusals for summaries say on the staff pages: one place to read and reword them.

const MISSING_LABELS: Record<string, string> = {
  slug: 'slug',
  headlineEn: 'English headline',
  headlineRu: 'Russian headline',
  leadEn: 'English lead',
  leadRu: 'Russian lead',
  bodyEn: 'English text',
  bodyRu: 'Russian text',
};

export function summaryRefusal(result: Exclude<SummaryChangeResult, { ok: true }>): FormState {
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
