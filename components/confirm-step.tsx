'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';
import { buttonClass, type ButtonVariant } from '@/components/ui/button';

/**
 * A step that asks before an answer that is hard to take back (a delegate's decline or cancellation). Without
 * JavaScript the control is a link to the page's confirmation view (`href`), which holds the same form; with it, the
 * form (`children`: the question and the real submit button) opens in place, focused, with a way back.
 */
export function ConfirmStep({
  href,
  label,
  backLabel,
  variant = 'secondary',
  children,
}: {
  href: string;
  label: string;
  backLabel: string;
  variant?: ButtonVariant;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const step = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLAnchorElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    // Focus follows the step: into it when it opens, back to the control when it closes.
    if (open) step.current?.focus();
    else if (wasOpen.current) opener.current?.focus();
    wasOpen.current = open;
  }, [open]);
  if (!open) {
    return (
      <a
        ref={opener}
        href={href}
        className={buttonClass({ variant })}
        onClick={(event) => {
          event.preventDefault();
          setOpen(true);
        }}
      >
        {label}
      </a>
    );
  }
  return (
    <div ref={step} tabIndex={-1} className="flex w-full flex-col items-start gap-2 outline-none">
      {children}
      <button type="button" className={buttonClass({ variant: 'secondary' })} onClick={() => setOpen(false)}>
        {backLabel}
      </button>
    </div>
  );
}
