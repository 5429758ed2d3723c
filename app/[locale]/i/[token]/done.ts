/** What the page says after a registration step (its `?done=` parameter). */
export const DONE = ['registered', 'waitlisted', 'changed', 'unchanged', 'cancelled', 'seat'] as const;
export type Done = (typeof DONE)[number];
