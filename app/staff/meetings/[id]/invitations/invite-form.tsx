import { ActionForm } from '@/components/action-form';
import { FormRow, inputClass } from '@/components/field';
import { FilterSelect, ORGANISATION_TYPE_OPTIONS } from '@/components/filter-select';
import { PeoplePicker, type PickerPerson } from '@/components/people-picker';
import { Button, Card } from '@/components/ui';
import { listContacts } from '@/db/contacts';
import { listCouncils } from '@/db/councils';
import { previewRecipients } from '@/db/invitations';
import { listWorkingGroupChoices } from '@/db/meetings';
import { INVITATION_ROLE_LABELS, INVITATION_ROLES } from '@/lib/domain';
import { invitationEmail } from '@/lib/mail/invitation-email';
import { inviteAction } from './actions';
import type { invitePreviewSchema } from '@/lib/schemas/invitation-selection';
import type { z as zod } from 'zod';

const BY = [
  ['contacts', 'Contacts I pick'],
  ['roster', 'A council’s roster (or one working group)'],
  ['organisation', 'Everyone at an organisation'],
  ['filter', 'Everyone matching a filter'],
] as const;

/** The invite step: whom (contacts, a roster, an organisation, a filter), as what, then a preview and the send button. */
export function InviteForm({
  meetingId,
  query,
  choices: { councils, groups, organisation, tags, countries },
  found,
  by,
  search,
  picked,
  errors,
  preview,
  selection,
  emails,
  total,
}: {
  meetingId: string;
  query: Record<string, string | string[] | undefined>;
  choices: {
    councils: Awaited<ReturnType<typeof listCouncils>>;
    groups: Awaited<ReturnType<typeof listWorkingGroupChoices>>;
    /** The organisation picker's (searched on the server, never listed): chosen, and a no-JavaScript search's. */
    organisation: { chosen: PickerPerson[]; query?: string; results?: PickerPerson[] | null };
    tags: string[];
    countries: { code: string; name: string }[];
  };
  found: Awaited<ReturnType<typeof listContacts>>['contacts'];
  by: string;
  search: string;
  picked: string[];
  errors: string[];
  preview: Awaited<ReturnType<typeof previewRecipients>> | null;
  selection: zod.infer<typeof invitePreviewSchema> | null;
  emails: Record<'en' | 'ru', ReturnType<typeof invitationEmail>> | null;
  total: number;
}) {
  return (
    <Card as="section" aria-labelledby="invite" className="mt-8">
      <h2 id="invite" className="text-lg font-semibold">
        Invite
      </h2>
      <form method="get" aria-label="Choose whom to invite" className="mt-3 grid gap-3 sm:grid-cols-2">
        <fieldset className="sm:col-span-2">
          <legend className="text-sm font-medium">Whom</legend>
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {BY.map(([value, label]) => (
              <label key={value} className="flex items-center gap-2 text-sm">
                <input type="radio" name="by" value={value} defaultChecked={by === value} /> {label}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="flex flex-col gap-1 sm:col-span-2">
          <label htmlFor="invite-search" className="text-sm font-medium">
            Find contacts to pick (name, email or organisation)
          </label>
          <div className="flex flex-wrap gap-2">
            <input
              id="invite-search"
              name="q"
              type="search"
              defaultValue={search}
              className={`${inputClass} max-w-md`}
            />
            <Button variant="secondary" name="preview" value="0">
              Find
            </Button>
          </div>
        </div>
        {(found.length > 0 || picked.length > 0) && (
          <fieldset className="sm:col-span-2">
            <legend className="text-sm font-medium">Contacts picked</legend>
            <ul className="mt-1 grid gap-1 sm:grid-cols-2">
              {found.map((c) => (
                <li key={c.id}>
                  <label className="flex items-center gap-2 text-sm">
                    <input type="checkbox" name="contactId" value={c.id} defaultChecked={picked.includes(c.id)} />{' '}
                    {c.name} · {c.email}
                  </label>
                </li>
              ))}
              {picked
                .filter((id) => !found.some((c) => c.id === id))
                .map((id) => (
                  <input key={id} type="hidden" name="contactId" value={id} />
                ))}
            </ul>
          </fieldset>
        )}
        <FilterSelect
          id="invite-council"
          name="councilId"
          label="Council (roster)"
          value={typeof query.councilId === 'string' ? query.councilId : undefined}
          options={councils.map((c) => ({ value: c.id, label: c.nameEn }))}
        />
        <FilterSelect
          id="invite-group"
          name="workingGroupId"
          label="Working group (optional)"
          value={typeof query.workingGroupId === 'string' ? query.workingGroupId : undefined}
          options={groups.map((g) => ({ value: g.id, label: g.label }))}
        />
        <div className="sm:col-span-2">
          <PeoplePicker
            kind="organisations"
            id="invite-organisation"
            name="organisationId"
            label="Organisation"
            chosen={organisation.chosen}
            query={organisation.query}
            results={organisation.results ?? null}
            find={{ action: `/staff/meetings/${meetingId}/invitations#invite`, value: 'invite-whom' }}
          />
        </div>
        <FilterSelect
          id="invite-country"
          name="country"
          label="Country"
          value={typeof query.country === 'string' ? query.country : undefined}
          options={countries.map((c) => ({ value: c.code, label: c.name }))}
        />
        <FilterSelect
          id="invite-type"
          name="organisationType"
          label="Type of organisation"
          value={typeof query.organisationType === 'string' ? query.organisationType : undefined}
          options={ORGANISATION_TYPE_OPTIONS}
        />
        <FilterSelect
          id="invite-tag"
          name="tag"
          label="Tag"
          value={typeof query.tag === 'string' ? query.tag : undefined}
          options={tags.map((t) => ({ value: t, label: t }))}
        />
        <FormRow id="invite-role" label="Invited as">
          <select
            id="invite-role"
            name="role"
            defaultValue={typeof query.role === 'string' ? query.role : 'delegate'}
            className={inputClass}
          >
            {INVITATION_ROLES.map((r) => (
              <option key={r} value={r}>
                {INVITATION_ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </FormRow>
        <div className="flex items-end">
          <Button name="preview" value="1">
            Preview the invitations
          </Button>
        </div>
      </form>
      {errors.length > 0 && (
        <ul role="alert" className="mt-3 list-disc pl-5 text-sm font-medium text-danger-800">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      {preview && selection && emails && (
        <section aria-labelledby="invite-preview" className="mt-4 rounded-md border border-slate-300 bg-slate-50 p-4">
          <h3 id="invite-preview" className="font-semibold">
            {total} new invitation{total === 1 ? '' : 's'}: {preview.byLanguage.en} in English, {preview.byLanguage.ru}{' '}
            in Russian
          </h3>
          {preview.alreadyInvited > 0 && (
            <p className="text-sm">{preview.alreadyInvited} of those selected are invited already and are left out.</p>
          )}
          {preview.sample.length > 0 && (
            <p className="mt-1 text-sm">
              {preview.sample.map((s) => s.name).join(', ')}
              {total > preview.sample.length && ` and ${total - preview.sample.length} more`}
            </p>
          )}
          <div className="mt-3 grid gap-3 md:grid-cols-2">
            {(['en', 'ru'] as const).map((locale) => {
              const email = emails[locale];
              return (
                <Card as="figure" compact key={locale} lang={locale} className="text-sm">
                  <figcaption className="font-semibold">
                    {locale === 'en' ? 'English' : 'Russian'} email: {email.subject}
                  </figcaption>
                  <pre className="mt-2 font-sans whitespace-pre-wrap">{email.text}</pre>
                </Card>
              );
            })}
          </div>
          {total > 0 && (
            <ActionForm
              action={inviteAction.bind(null, meetingId)}
              submitLabel={`Send ${total} invitation${total === 1 ? '' : 's'}`}
              className="mt-3 flex flex-wrap items-end gap-2"
            >
              {Object.entries({ ...selection, confirmedCount: total }).flatMap(([name, value]) =>
                [value ?? []]
                  .flat()
                  .map((one) => <input key={`${name}-${one}`} type="hidden" name={name} value={String(one)} />),
              )}
            </ActionForm>
          )}
        </section>
      )}
    </Card>
  );
}
