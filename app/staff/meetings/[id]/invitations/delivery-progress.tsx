'use client';

import { useEffect, useState } from 'react';
import { Card } from '@/components/ui';

type Counts = { queued: number; sending: number; sent: number; failed: number; captured: number };

/**
 * The meeting's invitation emails by delivery state, refreshed every two seconds while any are still to go, so a
 * bulk send can be followed without reloading. Without JavaScript it shows the counts as the page was rendered.
 */
export function DeliveryProgress({ meetingId, initial }: { meetingId: string; initial: Counts }) {
  const [counts, setCounts] = useState(initial);
  const pending = counts.queued + counts.sending;
  useEffect(() => {
    if (pending === 0) return;
    const timer = setInterval(async () => {
      const response = await fetch(`/staff/meetings/${meetingId}/invitations/progress`, { cache: 'no-store' });
      if (response.ok) setCounts(await response.json());
    }, 2000);
    return () => clearInterval(timer);
  }, [meetingId, pending]);
  const total = counts.queued + counts.sending + counts.sent + counts.failed + counts.captured;
  if (total === 0) return null;
  return (
    <Card compact role="status" aria-live="polite" className="mt-3 text-sm">
      <p>
        Emails: {counts.queued + counts.sending} queued · {counts.sent} sent · {counts.failed} failed
        {counts.captured > 0 && ` · ${counts.captured} kept in the app (no SMTP server is configured)`}
      </p>
      <progress
        max={total}
        value={counts.sent + counts.failed + counts.captured}
        aria-label="Emails delivered"
        className="mt-1 w-full max-w-md"
      />
    </Card>
  );
}
