import { ActionForm } from '@/components/action-form';
import { Card, DataTable, Td, Tr } from '@/components/ui';
import type { InvitationRow } from '@/db/invitations';
import { countryName } from '@/lib/countries';
import { formatDateTime } from '@/lib/datetime';
import { INVITATION_ROLE_LABELS, ORGANISATION_TYPE_LABELS, REGISTRATION_STATUS_LABELS } from '@/lib/domain';
import {
  reissueInvitationAction,
  remindAction,
  resendInvitationAction,
  revokeInvitationAction,
  sendUpdateAction,
} from './actions';

function statusLabel(row: InvitationRow): string {
  if (row.status === 'revoked') return 'Revoked';
  if (row.registration)
    return row.registration === 'cancelled' ? 'Registration cancelled' : REGISTRATION_STATUS_LABELS[row.registration];
  if (row.status === 'accepted') return 'Accepted, not registered yet';
  if (row.status === 'declined') return row.declineReason ? `Declined (“${row.declineReason}”)` : 'Declined';
  switch (row.delivery) {
    case 'queued':
    case 'sending':
      return 'Queued';
    case 'sent':
      return 'Sent';
    case 'captured':
      return 'Kept in the app (not sent)';
    case 'failed':
      return `Delivery failed${row.deliveryError ? `: ${row.deliveryError}` : ''}`;
    default:
      return 'Invited';
  }
}

const tally = <T extends string>(rows: InvitationRow[], key: (r: InvitationRow) => T) =>
  [...rows.reduce((m, r) => m.set(key(r), (m.get(key(r)) ?? 0) + 1), new Map<T, number>())].sort((a, b) => b[1] - a[1]);

/** Who was invited and where each stands, with counts, reminders, the update notice and per-invitation actions. */
export function FollowUp({
  rows,
  meetingId,
  canEdit,
  unanswered,
  update,
}: {
  rows: InvitationRow[];
  meetingId: string;
  canEdit: boolean;
  unanswered: number;
  update: { changes: string[]; recipients: number };
}) {
  if (rows.length === 0) return <p className="mt-4 text-slate-700">Nobody has been invited to this meeting yet.</p>;
  const byStatus = tally(rows, statusLabel);
  const byCountry = tally(rows, (r) => (r.country ? countryName(r.country, 'en') : 'International'));
  const byType = tally(rows, (r) =>
    r.organisationType ? ORGANISATION_TYPE_LABELS[r.organisationType] : 'No organisation',
  );
  return (
    <section aria-labelledby="invited" className="mt-6">
      <h2 id="invited" className="text-lg font-semibold">
        {rows.length} invited
      </h2>
      <div className="mt-2 grid gap-3 sm:grid-cols-3">
        {(
          [
            ['By status', byStatus],
            ['By country', byCountry],
            ['By type of organisation', byType],
          ] as const
        ).map(([title, counts]) => (
          <Card compact key={title} className="text-sm">
            <h3 className="font-semibold">{title}</h3>
            <ul>
              {counts.map(([label, n]) => (
                <li key={label}>
                  {label}: {n}
                </li>
              ))}
            </ul>
          </Card>
        ))}
      </div>
      {canEdit && unanswered > 0 && (
        <div className="mt-3">
          <ActionForm
            action={remindAction.bind(null, meetingId)}
            submitLabel={`Remind the ${unanswered} who have not answered`}
            variant="secondary"
          >
            <input type="hidden" name="confirmedCount" value={unanswered} />
          </ActionForm>
        </div>
      )}
      {canEdit && update.changes.length > 0 && (
        <Card tone="warning" compact className="mt-3 text-sm">
          <p className="font-medium">The meeting has changed since the invitations went out:</p>
          <ul className="list-disc pl-5">
            {update.changes.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
          <ActionForm
            action={sendUpdateAction.bind(null, meetingId)}
            submitLabel={`Send the update to ${update.recipients} invitees`}
            variant="secondary"
          >
            {null}
          </ActionForm>
        </Card>
      )}
      <DataTable
        label="Invitations table"
        columns={['Name', 'Email', 'Language', 'Role', 'Status', 'Last sent', canEdit && 'Actions']}
      >
        {rows.map((r) => (
          <Tr key={r.id}>
            <Td>
              {r.name}
              {r.organisation && <span className="block text-xs text-slate-700">{r.organisation}</span>}
            </Td>
            <Td>{r.email}</Td>
            <Td>{r.language === 'ru' ? 'Russian' : 'English'}</Td>
            <Td>{INVITATION_ROLE_LABELS[r.role]}</Td>
            <Td>{statusLabel(r)}</Td>
            <Td>{r.lastSentAt ? formatDateTime(r.lastSentAt, 'UTC', 'en') : '—'}</Td>
            {canEdit && (
              <Td>
                {r.status !== 'revoked' && (
                  <div className="flex flex-wrap gap-2">
                    <ActionForm
                      action={resendInvitationAction.bind(null, meetingId, r.id)}
                      submitLabel={`Resend to ${r.email}`}
                      variant="secondary"
                    >
                      {null}
                    </ActionForm>
                    <ActionForm
                      action={reissueInvitationAction.bind(null, meetingId, r.id)}
                      submitLabel={`New link for ${r.email}`}
                      variant="secondary"
                    >
                      {null}
                    </ActionForm>
                    <ActionForm
                      action={revokeInvitationAction.bind(null, meetingId, r.id)}
                      submitLabel={`Revoke ${r.email}`}
                      variant="danger"
                      confirm={{
                        question: 'Their link stops working at once, and a seat they held goes to the waiting list.',
                        confirmLabel: `Yes, revoke ${r.email}`,
                      }}
                    >
                      {null}
                    </ActionForm>
                  </div>
                )}
              </Td>
            )}
          </Tr>
        ))}
      </DataTable>
    </section>
  );
}
