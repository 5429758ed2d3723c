import type { listMeetingHistory } from '@/db/meetings';
import { formatDateTime } from '@/lib/datetime';

/** What changed in the meeting, who changed it and when (in the reader's zone). */
export function HistorySection({
  history,
  timeZone,
}: {
  history: Awaited<ReturnType<typeof listMeetingHistory>>;
  timeZone: string;
}) {
  return (
    <section aria-labelledby="history" className="mt-8">
      <h2 id="history" className="text-lg font-semibold">
        History
      </h2>
      {history.length === 0 ? (
        <p className="mt-2 text-slate-700">No changes recorded.</p>
      ) : (
        <ol className="mt-2 space-y-2 text-sm">
          {history.map((entry) => (
            <li key={entry.id} className="rounded border border-slate-200 bg-white px-3 py-2">
              <span className="font-medium">{formatDateTime(entry.at, timeZone, 'en')}</span> ·{' '}
              {entry.actorEmail ?? 'system'} · {entry.action.replace('meeting.', '').replaceAll('_', ' ')}
              {entry.after != null && (
                <code className="mt-1 block break-all text-xs text-slate-700">
                  {entry.before != null && `${JSON.stringify(entry.before)} → `}
                  {JSON.stringify(entry.after)}
                </code>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
