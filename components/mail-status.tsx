import type { OutboxStatus } from '@/lib/domain';

const LABELS: Record<OutboxStatus, { label: string; className: string }> = {
  queued: { label: 'Queued', className: 'bg-slate-200 text-slate-900' },
  sending: { label: 'Sending', className: 'bg-blue-100 text-blue-900' },
  sent: { label: 'Sent', className: 'bg-success-100 text-success-900' },
  failed: { label: 'Failed', className: 'bg-danger-100 text-danger-900' },
  captured: { label: 'Captured', className: 'bg-warning-100 text-warning-950' },
};

export const MAIL_STATUS_LABELS = Object.fromEntries(Object.entries(LABELS).map(([k, v]) => [k, v.label])) as Record<
  OutboxStatus,
  string
>;

export function MailStatus({ status }: { status: OutboxStatus }) {
  const { label, className } = LABELS[status];
  return <span className={`rounded px-2 py-0.5 text-xs font-semibold ${className}`}>{label}</span>;
}
