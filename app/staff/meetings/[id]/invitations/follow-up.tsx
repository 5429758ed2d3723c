import Link from 'next/link';
import { ActionForm } from '@/components/action-form';
import { inputClass } from '@/components/field';
import { FilterSelect, ORGANISATION_TYPE_OPTIONS } from '@/components/filter-select';
import { Pagination } from '@/components/pagination';
import { Button, Card, DataTable, Notice, Td, Tr } from '@/components/ui';
import type { BulkPreview, FollowUpRow } from '@/db/invitations';
import { countryName } from '@/lib/countries';
import { formatDateTime } from '@/lib/datetime';
import { INVITATION_ROLE_LABELS, INVITATION_ROLES } from '@/lib/domain';
import {
  ANSWER_LABELS,
  ANSWERS,
  DELIVERIES,
  DELIVERY_LABELS,
  FOLLOW_UP_PAGE_SIZE,
  FOLLOW_UP_SORT_LABELS,
  FOLLOW_UP_SORTS,
  followUpParams,
  type Answer,
  type BulkAction,
  type BulkSelection,
  type FollowUpQuery,
} from '@/lib/invitation-follow-up';
import { bulkInvitationsAction, sendUpdateAction } from './actions';

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

const ACTION_WORDS: Record<BulkAction, { menu: string; ask: (n: number) => string; yes: (n: number) => string }> = {
  remind: {
    menu: 'Remind',
    ask: (n) => `Remind ${plural(n, 'person', 'people')}?`,
    yes: (n) => `Yes, remind ${plural(n, 'person', 'people')}`,
  },
  resend: {
    menu: 'Resend',
    ask: (n) => `Resend ${plural(n, 'invitation')}?`,
    yes: (n) => `Yes, resend ${plural(n, 'invitation')}`,
  },
  reissue: {
    menu: 'New link',
    ask: (n) => `Send a new link for ${plural(n, 'invitation')}?`,
    yes: (n) => `Yes, send ${plural(n, 'new link')}`,
  },
  revoke: {
    menu: 'Revoke',
    ask: (n) => `Revoke ${plural(n, 'invitation')}?`,
    yes: (n) => `Yes, revoke ${plural(n, 'invitation')}`,
  },
};

const WHAT_HAPPENS: Record<BulkAction, string> = {
  remind: 'Each gets a reminder with their own link (the same link as before).',
  resend: 'Each gets the invitation again, with the same link.',
  reissue: 'Each gets a new link by email; their old link stops working.',
  revoke: 'Their links stop working at once, and seats they held go to the waiting list. This cannot be undone.',
};

const DONE: Record<BulkAction, (n: number) => string> = {
  remind: (n) => `${plural(n, 'reminder')} queued for sending.`,
  resend: (n) => `${plural(n, 'invitation')} sent again, with the same ${n === 1 ? 'link' : 'links'}.`,
  reissue: (n) => `${plural(n, 'new link')} sent; the old ${n === 1 ? 'one no longer works' : 'ones no longer work'}.`,
  revoke: (n) => `${plural(n, 'invitation')} revoked: their links no longer work.`,
};

/** The list's own URL with other parameters: filters kept, the confirmation step (`bulk`) added or dropped. */
function listHref(meetingId: string, params: Record<string, string | string[] | undefined>) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params))
    for (const one of [value ?? []].flat()) if (one) query.append(name, one);
  const text = query.toString();
  return `/staff/meetings/${meetingId}/invitations${text ? `?${text}` : ''}#invited`;
}

export type Confirmation =
  { action: BulkAction; selection: BulkSelection; preview: BulkPreview } | { action: BulkAction; error: string };

/**
 * Who was invited and where each stands: counts by answer, filters, a page of 50, and actions on a selection, each
 * confirmed with its count on a view of its own (`bulk=` in the URL) that works without JavaScript.
 */
export function FollowUp({
  meetingId,
  canEdit,
  zone,
  query,
  list,
  answers,
  countries,
  update,
  confirmation,
  done,
}: {
  meetingId: string;
  canEdit: boolean;
  zone: string;
  query: FollowUpQuery;
  list: { rows: FollowUpRow[]; total: number; page: number };
  answers: Record<Answer, number>;
  countries: { code: string; name: string }[];
  update: { changes: string[]; recipients: number };
  confirmation: Confirmation | null;
  done: { action: BulkAction; count: number } | null;
}) {
  const invited = ANSWERS.reduce((sum, a) => sum + answers[a], 0);
  if (invited === 0) return <p className="mt-4 text-slate-700">Nobody has been invited to this meeting yet.</p>;
  const filters = followUpParams({ ...query, page: undefined });
  const filtered = Object.values(filters).some(Boolean);
  const here = followUpParams({ ...query, page: list.page });
  return (
    <section aria-labelledby="invited" className="mt-6">
      <h2 id="invited" className="text-lg font-semibold">
        {invited.toLocaleString('en')} invited
      </h2>
      <Card compact className="mt-2 text-sm">
        <h3 className="font-semibold">By answer</h3>
        <ul className="flex flex-wrap gap-x-4">
          {ANSWERS.filter((a) => answers[a] > 0).map((a) => (
            <li key={a}>
              <Link href={listHref(meetingId, { answer: a })}>
                {ANSWER_LABELS[a]}: {answers[a].toLocaleString('en')}
              </Link>
            </li>
          ))}
        </ul>
      </Card>
      {canEdit && answers.no_answer > 0 && (
        <p className="mt-3 text-sm">
          <Link href={listHref(meetingId, { answer: 'no_answer', all: '1', bulk: 'remind' })}>
            Remind the {answers.no_answer.toLocaleString('en')} who have not answered…
          </Link>
        </p>
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
      {done && (
        <Notice tone="success" role="status" className="mt-3">
          {DONE[done.action](done.count)}
        </Notice>
      )}

      {/* Keyed by the filters: after a client-side navigation (Clear the filters) the fields show the new ones, not
          what the previous page's uncontrolled fields held. */}
      <form
        key={JSON.stringify(filters)}
        method="get"
        aria-label="Filter invitations"
        className="mt-4 grid gap-3 sm:grid-cols-3"
        action={`/staff/meetings/${meetingId}/invitations#invited`}
      >
        <div className="flex flex-col gap-1 sm:col-span-3">
          <label htmlFor="follow-up-q" className="text-sm font-medium">
            Search (name, email or organisation, in either script)
          </label>
          <input
            id="follow-up-q"
            name="q"
            type="search"
            defaultValue={query.search ?? ''}
            className={`${inputClass} max-w-md`}
          />
        </div>
        <FilterSelect
          id="follow-up-answer"
          name="answer"
          label="Answer"
          value={query.answer}
          options={[
            { value: 'answered', label: 'Answered (any answer)' },
            ...ANSWERS.map((a) => ({ value: a, label: ANSWER_LABELS[a] })),
          ]}
        />
        <FilterSelect
          id="follow-up-delivery"
          name="delivery"
          label="Latest email"
          value={query.delivery}
          options={DELIVERIES.map((d) => ({ value: d, label: DELIVERY_LABELS[d] }))}
        />
        <FilterSelect
          id="follow-up-country"
          name="country"
          label="Country"
          value={query.country}
          options={[
            { value: 'none', label: 'International (no country)' },
            ...countries.map((c) => ({ value: c.code, label: c.name })),
          ]}
        />
        <FilterSelect
          id="follow-up-type"
          name="type"
          label="Type of organisation"
          value={query.organisationType}
          options={ORGANISATION_TYPE_OPTIONS}
        />
        <FilterSelect
          id="follow-up-role"
          name="role"
          label="Invited as"
          value={query.role}
          options={INVITATION_ROLES.map((r) => ({ value: r, label: INVITATION_ROLE_LABELS[r] }))}
        />
        <div className="flex flex-col gap-1">
          <label htmlFor="follow-up-sort" className="text-sm font-medium">
            Sort by
          </label>
          <select id="follow-up-sort" name="sort" defaultValue={query.sort} className={inputClass}>
            {FOLLOW_UP_SORTS.map((s) => (
              <option key={s} value={s}>
                {FOLLOW_UP_SORT_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="flex items-end gap-3 sm:col-span-3">
          <Button variant="secondary">Show</Button>
          {filtered && <Link href={listHref(meetingId, {})}>Clear the filters</Link>}
        </div>
      </form>

      {canEdit && confirmation && (
        <ConfirmBulk meetingId={meetingId} confirmation={confirmation} back={listHref(meetingId, here)} />
      )}

      <p className="mt-4 text-sm" role="status">
        {filtered ? `${plural(list.total, 'invitation')} match the filters.` : `${plural(list.total, 'invitation')}.`}
      </p>
      {list.total > 0 && (
        <form
          method="get"
          action={`/staff/meetings/${meetingId}/invitations#invited`}
          aria-label="Selected invitations"
        >
          {Object.entries(here).map(([name, value]) =>
            value ? <input key={name} type="hidden" name={name} value={value} /> : null,
          )}
          {canEdit && (
            <fieldset className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-2 rounded-md bg-slate-50 p-2 text-sm">
              <legend className="sr-only">With the selected invitations</legend>
              <label className="flex items-center gap-2">
                <input type="checkbox" name="all" value="1" /> Select all {list.total.toLocaleString('en')} matching
                {filtered ? ' this filter' : ''}
              </label>
              <label className="flex items-center gap-2">
                <input type="checkbox" name="again" value="1" /> Remind again those reminded in the last 24 hours
              </label>
              <span className="flex flex-wrap gap-2">
                {(['remind', 'resend', 'reissue', 'revoke'] as const).map((action) => (
                  <Button
                    key={action}
                    name="bulk"
                    value={action}
                    variant={action === 'revoke' ? 'danger' : 'secondary'}
                    size="md"
                  >
                    {ACTION_WORDS[action].menu}…
                  </Button>
                ))}
              </span>
            </fieldset>
          )}
          <DataTable
            label="Invitations table"
            columns={[
              canEdit && 'Select',
              'Name',
              'Country',
              'Role',
              'Answer',
              'Latest email',
              'Last reminded',
              'Invited',
              canEdit && 'Actions',
            ]}
          >
            {list.rows.map((r) => (
              <Tr key={r.id}>
                {canEdit && (
                  <Td>
                    <input type="checkbox" name="id" value={r.id} aria-label={`Select ${r.name} (${r.email})`} />
                  </Td>
                )}
                <Td>
                  {r.name}
                  <span className="block text-xs text-slate-700">{r.email}</span>
                  {r.organisation && <span className="block text-xs text-slate-700">{r.organisation}</span>}
                </Td>
                <Td>{r.country ? countryName(r.country, 'en') : 'International'}</Td>
                <Td>{INVITATION_ROLE_LABELS[r.role]}</Td>
                <Td>
                  {ANSWER_LABELS[r.answer]}
                  {r.answer === 'declined' && r.declineReason && (
                    <span className="block text-xs text-slate-700">“{r.declineReason}”</span>
                  )}
                </Td>
                <Td>
                  {r.delivery ? DELIVERY_LABELS[r.delivery] : '—'}
                  {r.delivery === 'failed' && r.deliveryError && (
                    <span className="block text-xs text-slate-700">{r.deliveryError}</span>
                  )}
                </Td>
                <Td>{r.lastRemindedAt ? formatDateTime(r.lastRemindedAt, zone, 'en') : '—'}</Td>
                <Td>{formatDateTime(r.invitedAt, zone, 'en')}</Td>
                {canEdit && (
                  <Td>
                    {r.answer !== 'revoked' && (
                      <details className="relative">
                        <summary className="cursor-pointer">
                          Actions<span className="sr-only"> for {r.email}</span>
                        </summary>
                        {/* Buttons of the selection form, not links: a quarter of the bytes, and `one` acts on
                            this row alone, whatever else is ticked. */}
                        <ul className="mt-1 flex flex-col items-start gap-1">
                          {(['remind', 'resend', 'reissue', 'revoke'] as const)
                            .filter((action) => action !== 'remind' || r.answer === 'no_answer')
                            .map((action) => (
                              <li key={action}>
                                <button name="one" value={`${action}:${r.id}`} className="underline">
                                  {ACTION_WORDS[action].menu}
                                </button>
                              </li>
                            ))}
                        </ul>
                      </details>
                    )}
                  </Td>
                )}
              </Tr>
            ))}
          </DataTable>
        </form>
      )}
      <Pagination
        label="Pages of invitations"
        basePath={`/staff/meetings/${meetingId}/invitations`}
        params={filters}
        page={list.page}
        pageSize={FOLLOW_UP_PAGE_SIZE}
        total={list.total}
      />
    </section>
  );
}

/** "Revoke 37 invitations?": the count, what will happen, and the form that does it with that count. */
function ConfirmBulk({
  meetingId,
  confirmation,
  back,
}: {
  meetingId: string;
  confirmation: Confirmation;
  back: string;
}) {
  const { action } = confirmation;
  if ('error' in confirmation)
    return (
      <Notice tone="danger" role="status" className="mt-4">
        {confirmation.error} <Link href={back}>Back to the list</Link>
      </Notice>
    );
  const { selection, preview } = confirmation;
  if (!preview.ok)
    return (
      <Notice tone="danger" role="status" className="mt-4">
        Some of those invitations are not this meeting’s. <Link href={back}>Back to the list</Link>
      </Notice>
    );
  const words = ACTION_WORDS[action];
  const fields: [string, string | undefined][] = [
    ['action', action],
    ['all', selection.all],
    ['answer', selection.answer],
    ['delivery', selection.delivery],
    ['country', selection.country],
    ['type', selection.type],
    ['role', selection.role],
    ['q', selection.q],
    ['again', selection.again],
    ['confirmedCount', String(preview.count)],
    ['since', preview.since.toISOString()],
  ];
  return (
    <Card as="section" aria-labelledby="confirm-bulk" tone="warning" className="mt-4">
      <h3 id="confirm-bulk" className="text-lg font-semibold">
        {preview.count > 0 ? words.ask(preview.count) : `Nobody to ${words.menu.toLowerCase()}`}
      </h3>
      <div className="mt-1 text-sm">
        {preview.count > 0 && <p>{WHAT_HAPPENS[action]}</p>}
        {preview.recentlyReminded > 0 && (
          <p>
            {plural(preview.recentlyReminded, 'person', 'people')} reminded in the last 24 hours{' '}
            {preview.recentlyReminded === 1 ? 'is' : 'are'} left out; tick “Remind again” in the list to include them.
          </p>
        )}
        {preview.skipped > 0 && (
          <p>
            {plural(preview.skipped, 'selected invitation')} {preview.skipped === 1 ? 'is' : 'are'} left out (
            {action === 'remind' ? 'answered or revoked' : 'revoked'}).
          </p>
        )}
      </div>
      <div className="mt-3 flex flex-wrap items-start gap-4">
        {preview.count > 0 && (
          <ActionForm
            action={bulkInvitationsAction.bind(null, meetingId)}
            submitLabel={words.yes(preview.count)}
            variant={action === 'revoke' ? 'danger' : 'primary'}
          >
            {fields.map(([name, value]) =>
              value ? <input key={name} type="hidden" name={name} value={value} /> : null,
            )}
            {selection.all !== '1' && selection.id.map((id) => <input key={id} type="hidden" name="id" value={id} />)}
          </ActionForm>
        )}
        <Link href={back} className="self-center text-sm">
          Cancel
        </Link>
      </div>
    </Card>
  );
}
