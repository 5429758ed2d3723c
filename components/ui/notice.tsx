import type { HTMLAttributes } from 'react';

const TONES = {
  success: 'border-success-300 bg-success-50 text-success-900',
  warning: 'border-warning-400 bg-warning-50 text-warning-950',
  danger: 'border-danger-300 bg-danger-50 text-danger-900',
};

/**
 * A one-message banner: what just happened (success), what to mind (warning), what went wrong (danger). Pass
 * role="status" where the message appears as the outcome of an action, so screen readers announce it.
 */
export function Notice({
  tone,
  as: Tag = 'p',
  size = 'sm',
  className,
  ...props
}: HTMLAttributes<HTMLElement> & { tone: keyof typeof TONES; as?: 'p' | 'div'; size?: 'sm' | 'md' }) {
  return (
    <Tag
      className={['rounded-md border px-3 py-2', size === 'sm' && 'text-sm', TONES[tone], className]
        .filter(Boolean)
        .join(' ')}
      {...props}
    />
  );
}
