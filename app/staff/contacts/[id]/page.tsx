import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { z } from 'zod';
import { AccessDenied } from '@/components/access-denied';
import { ActionForm } from '@/components/action-form';
import { MergeSection } from '@/components/merge-section';
import { findContactDuplicates, getContact, getContactLinks } from '@/db/contacts';
import { listCouncils } from '@/db/councils';
import { listWorkingGroupChoices } from '@/db/roster-bulk';
import { calendarDateIn } from '@/lib/datetime';
import { addMembersInBulkAction } from '../../councils/actions';
import { RosterTermFields } from '../../councils/roster-term-fields';
import { getOrganisationChoices } from '@/db/organisations';
import { roleAtLeast } from '@/lib/auth/roles';
import { requireSignedInPage } from '@/services/auth/staff';
import { countryName, countryOptions } from '@/lib/countries';
import { AGENDA_PERSON_ROLE_LABELS, ROSTER_ROLE_LABELS } from '@/lib/domain';
import { toLatin } from '@/lib/transliterate';
import { eraseContactAction, mergeContactAction, updateContactAction } from '../actions';
import { FormRow, inputClass } from '@/components/field';
import { Card, PageHeader } from '@/components/ui';
import { ContactFields, contactDefaults } from '../contact-fields';
import { PageNotice } from '@/components/form-status';
import { echoedValues, pickerFallback, pickerState } from '@/services/people-picker';

export const metadata: Metadata = { title: 'Edit contact' };

export default async function EditContactPage({ params, searchParams }: PageProps<'/staff/contacts/[id]'>) {
  await connection();
  const { id } = await params;
  const staff = await requireSignedInPage(`/staff/contacts/${id}`);
  if (!roleAtLeast(staff.role, 'editor')) return <AccessDenied needed="editor" />;
  const contact = z.uuid().safeParse(id).success ? await getContact({ actor: staff, id }) : null;
  if (!contact) notFound();
  const query = await searchParams;
  const duplicateSearch = typeof query.dup === 'string' ? query.dup.trim().slice(0, 200) : '';
  const [detailsPicker, rosterPicker, currentOrganisation, links, duplicates, councils, workingGroups] =
    await Promise.all([
      pickerFallback(staff, query, 'contact', ['organisationId'], { organisationId: 'organisations' }),
      pickerFallback(staff, query, 'contact-roster', ['nominatedByOrganisationId'], {
        nominatedByOrganisationId: 'organisations',
      }),
      getOrganisationChoices({ actor: staff, ids: contact.organisationId ? [contact.organisationId] : [] }),
      getContactLinks({ actor: staff, id }),
      findContactDuplicates({ actor: staff, id, search: duplicateSearch || undefined }),
      listCouncils({ actor: staff }),
      listWorkingGroupChoices({ actor: staff }),
    ]);
  const todayParts = calendarDateIn(new Date(), staff.timeZone ?? 'Asia/Tashkent');
  const today = [todayParts.year, todayParts.month, todayParts.day].map((p) => String(p).padStart(2, '0')).join('-');
  const latin = contact.nameLatin || toLatin(contact.name);
  return (
    <>
      <PageHeader back={{ href: '/staff/contacts', label: '← Contacts' }} title={contact.name} />
      {latin !== contact.name && (
        <p className="text-slate-700">
          {latin}{' '}
          {!contact.nameLatin && (
            <span className="text-sm">(transliterated; give the passport spelling below if it differs)</span>
          )}
        </p>
      )}
      {contact.source && <p className="mt-1 text-sm text-slate-700">Source: {contact.source}</p>}
      {query.erased === '1' && (
        <PageNotice className="mt-3">
          The person’s data was erased. Their invitations and registrations remain in the meetings’ counts, anonymous.
        </PageNotice>
      )}
      {query.merged === '1' && <PageNotice className="mt-3">The duplicate was merged into this contact.</PageNotice>}
      <section aria-labelledby="details" className="mt-4">
        <h2 id="details" className="mb-3 text-lg font-semibold">
          Details
        </h2>
        {/* Keyed by the last change, so the fields show the stored values again after a merge reloads this page. */}
        <ActionForm
          key={contact.updatedAt.toISOString()}
          action={updateContactAction.bind(null, contact.id)}
          submitLabel="Save contact"
        >
          <ContactFields
            idPrefix="contact"
            // A no-JavaScript organisation search reloads the page: the fields keep what was typed.
            contact={echoedValues(query, 'contact') ?? contactDefaults(contact)}
            organisation={{
              ...pickerState(detailsPicker?.organisationId, currentOrganisation),
              find: { action: `/staff/contacts/${contact.id}#details`, value: 'contact' },
            }}
            countries={countryOptions('en')}
          />
        </ActionForm>
      </section>

      <section aria-labelledby="appears" className="mt-8">
        <h2 id="appears" className="text-lg font-semibold">
          Where this contact appears
        </h2>
        {links.roster.length === 0 && links.agenda.length === 0 ? (
          <p className="mt-2 text-slate-700">Not on any council’s roster or meeting agenda.</p>
        ) : (
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {links.roster.map((term, i) => (
              <li key={`r${i}`}>
                <Link href={`/staff/councils/${term.councilId}`}>{term.council}</Link>:{' '}
                {ROSTER_ROLE_LABELS[term.role as keyof typeof ROSTER_ROLE_LABELS]}, from {term.termFrom}
                {term.termTo ? ` to ${term.termTo}` : ''}
              </li>
            ))}
            {links.agenda.map((role, i) => (
              <li key={`a${i}`}>
                <Link href={`/staff/meetings/${role.meetingId}`}>{role.meeting}</Link>:{' '}
                {AGENDA_PERSON_ROLE_LABELS[role.role as keyof typeof AGENDA_PERSON_ROLE_LABELS]} — {role.item}
              </li>
            ))}
          </ul>
        )}
      </section>

      {councils.length > 0 && (
        <Card as="section" aria-labelledby="add-to-roster" className="mt-8">
          <h2 id="add-to-roster" className="text-lg font-semibold">
            Add to a council’s roster
          </h2>
          <ActionForm
            action={addMembersInBulkAction}
            submitLabel="Add to the roster"
            className="mt-3 flex flex-col items-start gap-3"
          >
            <input type="hidden" name="scope" value="selected" />
            <input type="hidden" name="contactIds" value={contact.id} />
            <RosterTermFields
              idPrefix="roster"
              councils={councils}
              typed={echoedValues(query, 'contact-roster')}
              nominatedBy={{
                find: { action: `/staff/contacts/${contact.id}#add-to-roster`, value: 'contact-roster' },
                fallback: rosterPicker?.nominatedByOrganisationId,
              }}
              countries={countryOptions('en')}
              workingGroups={workingGroups}
              today={today}
            />
          </ActionForm>
        </Card>
      )}

      <MergeSection
        heading="Merge a duplicate into this contact"
        explanation="The duplicate’s roster terms and agenda roles move here; fields blank here are filled from it, tags are combined, and its address is kept in the notes. Then the duplicate is deleted. This contact’s own values are kept."
        searchLabel="Find the duplicate by name or email"
        search={duplicateSearch}
        noun="contact"
        similarText="a name like this one"
        merge={mergeContactAction.bind(null, contact.id)}
        candidates={duplicates.map((d) => ({
          id: d.id,
          mergeLabel: `Merge ${d.email} into this contact`,
          description: (
            <>
              <Link href={`/staff/contacts/${d.id}`}>{d.name}</Link> · {d.email}
              {d.organisation && ` · ${d.organisation}`}
              {d.country && ` · ${countryName(d.country, 'en')}`}
            </>
          ),
        }))}
      />

      {roleAtLeast(staff.role, 'admin') && (
        <Card as="section" aria-labelledby="personal-data" className="mt-8">
          <h2 id="personal-data" className="text-lg font-semibold">
            Personal data
          </h2>
          <p className="mt-1 text-sm">
            Everything held about this person (directory entry, invitations, registrations with any visa details, emails
            and audit log entries), for a request for their data.
          </p>
          <a href={`/staff/contacts/${contact.id}/data`} className="mt-2 inline-block font-medium" download>
            Download all data held (JSON)
          </a>
          <h3 className="mt-4 font-semibold">Erase on request</h3>
          <p className="mt-1 text-sm">
            Removes the person’s data everywhere: directory, invitations, registrations, emails, and the values in audit
            log entries. Their invitations and registrations stay as anonymous rows, so meeting counts do not change.
            This cannot be undone.
          </p>
          <ActionForm
            action={eraseContactAction.bind(null, contact.id)}
            submitLabel="Erase this person’s data"
            variant="danger"
          >
            <FormRow id="confirm-email" label={`Type ${contact.email} to confirm`}>
              <input id="confirm-email" name="confirmEmail" autoComplete="off" className={inputClass} />
            </FormRow>
          </ActionForm>
        </Card>
      )}
    </>
  );
}
