import type { DetailsHTMLAttributes, FormHTMLAttributes, HTMLAttributes } from 'react';

const TONES = {
  plain: 'border-slate-200 bg-white',
  muted: 'border-slate-300 bg-slate-50',
  success: 'border-success-300 bg-success-50',
  warning: 'border-warning-300 bg-warning-50',
  danger: 'border-danger-300 bg-danger-50',
};

/**
 * A bordered box around a block of content: a page's section, a key–value list, a summary of counts. `compact` is
 * the smaller box used inside another (a tally, an email preview).
 */
export function Card({
  as: Tag = 'div',
  tone = 'plain',
  compact = false,
  className,
  ...props
}: HTMLAttributes<HTMLElement> &
  // A boxed plain form posts to a route handler (uploads): these attributes only make sense with as="form".
  Pick<FormHTMLAttributes<HTMLFormElement>, 'method' | 'action' | 'encType'> &
  // Only with as="details".
  Pick<DetailsHTMLAttributes<HTMLDetailsElement>, 'open'> & {
    as?: 'div' | 'section' | 'dl' | 'figure' | 'article' | 'li' | 'form' | 'p' | 'pre' | 'fieldset' | 'details';
    tone?: keyof typeof TONES;
    compact?: boolean;
  }) {
  const box = compact ? 'rounded-md border p-3' : 'rounded-lg border p-4';
  return <Tag className={[box, TONES[tone], className].filter(Boolean).join(' ')} {...props} />;
}
