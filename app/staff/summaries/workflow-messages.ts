/** What the summary's page says after a step of the workflow (the step's own form is gone by then). */
export const WORKFLOW_DONE = {
  submitted: 'Submitted for review. Another editor or an admin can now publish it.',
  returned: 'Back to draft: it can be edited again.',
  published: 'Published: the summary is on the public news pages in English and Russian.',
  unpublished:
    'Unpublished: the public pages are gone and the meeting is back to “held”. The summary is a draft again.',
} as const;
