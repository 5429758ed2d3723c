import { formatDateTime } from '@/lib/datetime';
import { historyLines, type HistoryEntry, type HistoryZones } from '@/lib/meeting-history';

/**
 * What changed in the meeting, as sentences: who, what, when (in the reader's zone; the meeting's own times in the
 * venue's). The raw audit record stays one click away for admins, who answer for the log.
 */
export function HistorySection({
  history,
  zones,
  showRaw,
}: {
  history: HistoryEntry[];
  zones: HistoryZones;
  showRaw: boolean;
}) {
  const lines = historyLines(history, zones);
  return (
    <section aria-labelledby="history" className="mt-8">
      <h2 id="history" className="text-lg font-semibold">
        History
      </h2>
      {lines.length === 0 ? (
        <p className="mt-2 text-slate-700">No changes recorded.</p>
      ) : (
        <ol className="mt-2 space-y-2 text-sm" aria-label="Meeting history">
          {lines.map((line) => (
            <li key={line.key} className="rounded border border-slate-200 bg-white px-3 py-2">
              <p>
                <time dateTime={line.at.toISOString()} className="font-medium">
                  {formatDateTime(line.at, zones.reader, 'en')}
                </time>{' '}
                · {line.sentence}
              </p>
              {showRaw && (
                <details className="mt-1">
                  <summary className="cursor-pointer text-slate-700">Raw record</summary>
                  <pre className="mt-1 overflow-x-auto text-xs whitespace-pre-wrap break-all text-slate-800">
                    {JSON.stringify(
                      line.entries.map(({ id, at, action, actor, before, after }) => ({
                        id,
                        at: at.toISOString(),
                        action,
                        actor,
                        before,
                        after,
                      })),
                      null,
                      2,
                    )}
                  </pre>
                </details>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
