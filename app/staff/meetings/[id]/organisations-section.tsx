import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/action-form';
import { ReorderControls } from '@/components/reorder-controls';
import { FormRow, inputClass } from '@/components/field';
import { PeoplePicker } from '@/components/people-picker';
import { Card, DataTable, Td, Tr } from '@/components/ui';
import type { getMeeting } from '@/db/meetings';
import { countryName } from '@/lib/countries';
import { ORGANISATION_ROLES } from '@/lib/domain';
import type { PickerFallback } from '@/services/people-picker';
import { linkOrganisationAction, moveOrganisationAction, unlinkOrganisationAction } from '../actions';
import { pickerState } from '@/services/people-picker';

type Meeting = NonNullable<Awaited<ReturnType<typeof getMeeting>>>;

/** The organisations behind a meeting (organiser, co-organisers, participants), in order; editors link and reorder. */
export async function OrganisationsSection({
  meeting,
  canEdit,
  fallback,
}: {
  meeting: Meeting;
  canEdit: boolean;
  /** What a no-JavaScript search of the organisation to link sent back (components/people-picker.tsx). */
  fallback: PickerFallback | null;
}) {
  const t = await getTranslations({ locale: 'en', namespace: 'Organisation' });
  return (
    <section aria-labelledby="organisations" className="mt-8">
      <h2 id="organisations" className="text-lg font-semibold">
        Organisations
      </h2>
      {meeting.organisations.length === 0 ? (
        <p className="mt-2 text-slate-700">No organisations are linked to this meeting yet.</p>
      ) : (
        <DataTable
          label="Organisations table"
          columns={['Organisation', 'Role', 'Type', 'Country', canEdit && 'Order']}
        >
          {meeting.organisations.map((organisation, index) => {
            const name = organisation.acronym ?? organisation.nameEn;
            return (
              <Tr key={organisation.id}>
                <Td>
                  {organisation.nameEn}
                  {organisation.acronym && <span className="text-slate-700"> ({organisation.acronym})</span>}
                </Td>
                <Td>{t(`role.${organisation.role}`)}</Td>
                <Td>{t(`type.${organisation.type}`)}</Td>
                <Td>{organisation.country ? countryName(organisation.country, 'en') : 'International'}</Td>
                {canEdit && (
                  <Td>
                    <div className="flex flex-wrap gap-1">
                      <ReorderControls
                        action={moveOrganisationAction.bind(null, meeting.id, organisation.id)}
                        name={name}
                        index={index}
                        count={meeting.organisations.length}
                      />
                      <ActionForm
                        action={unlinkOrganisationAction.bind(null, meeting.id, organisation.id)}
                        variant="secondary"
                        submitLabel={
                          <>
                            Remove<span className="sr-only"> {name}</span>
                          </>
                        }
                      />
                    </div>
                  </Td>
                )}
              </Tr>
            );
          })}
        </DataTable>
      )}
      {canEdit && (
        <Card className="mt-3" id="link-organisation-form">
          <h3 className="mb-2 font-semibold">Link an organisation</h3>
          <ActionForm action={linkOrganisationAction.bind(null, meeting.id)} submitLabel="Link organisation">
            <PeoplePicker
              kind="organisations"
              id="link-organisation"
              name="organisationId"
              label="Organisation"
              {...pickerState(fallback)}
              find={{ action: `/staff/meetings/${meeting.id}#link-organisation-form`, value: 'link-organisation' }}
            />
            <FormRow id="link-role" label="Role">
              <select id="link-role" name="role" className={inputClass} defaultValue="co_organiser">
                {ORGANISATION_ROLES.map((role) => (
                  <option key={role} value={role}>
                    {t(`role.${role}`)}
                  </option>
                ))}
              </select>
            </FormRow>
          </ActionForm>
        </Card>
      )}
    </section>
  );
}
