import type { ComponentPropsWithoutRef } from 'react';

const VARIANTS = {
  primary: 'bg-brand-700 text-white hover:bg-brand-800 hover:text-white',
  secondary: 'border border-slate-400 bg-white text-slate-900 hover:bg-slate-100 hover:text-slate-900',
  danger: 'bg-danger-700 text-white hover:bg-danger-800 hover:text-white',
};

export type ButtonVariant = keyof typeof VARIANTS;

/**
 * The look of a button, for anything that should look like one: <button>, a submit in a client form, or a link
 * (hence no-underline and the hover colours, which beat the base style of links).
 */
export function buttonClass({
  variant = 'primary',
  size = 'sm',
  className,
}: { variant?: ButtonVariant; size?: 'sm' | 'md'; className?: string } = {}) {
  return [
    'inline-flex min-h-10 items-center rounded-md px-4 py-2 font-medium no-underline aria-disabled:opacity-70',
    size === 'sm' ? 'text-sm' : 'text-base',
    VARIANTS[variant],
    className,
  ]
    .filter(Boolean)
    .join(' ');
}

/** A plain button (a submit unless told otherwise): for GET forms and server-rendered forms without pending state. */
export function Button({
  variant,
  size,
  className,
  type = 'submit',
  ...props
}: ComponentPropsWithoutRef<'button'> & { variant?: ButtonVariant; size?: 'sm' | 'md' }) {
  return <button type={type} className={buttonClass({ variant, size, className })} {...props} />;
}
