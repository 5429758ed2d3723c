/** What the page says after an answer or a registration step (its `?done=` parameter). */
export const DONE = [
  'accepted',
  'declined',
  'registered',
  'waitlisted',
  'changed',
  'unchanged',
  'cancelled',
  'seat',
] as const;
export type Done = (typeof DONE)[number];
