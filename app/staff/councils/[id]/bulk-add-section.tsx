import Link from 'next/link';
import { ActionForm } from '@/components/action-form';
import { PeoplePicker } from '@/components/people-picker';
import { Card } from '@/components/ui';
import type { CouncilDetail } from '@/db/councils';
import type { PickerFallback } from '@/services/people-picker';
import { addMembersInBulkAction } from '../actions';
import { RosterTermFields } from '../roster-term-fields';
import { pickerState } from '@/services/people-picker';

/** Everyone at an organisation onto the roster at once, with one role, nomination, term and working group. */
export function BulkAddSection({
  council,
  fallback,
  typed,
  countries,
  today,
}: {
  council: CouncilDetail;
  /** What was typed before a no-JavaScript search reloaded the page (services/people-picker.ts echoedValues). */
  typed: Record<string, string> | null;
  /** What a no-JavaScript search sent back, by field (components/people-picker.tsx). */
  fallback: Record<string, PickerFallback> | null;
  countries: { code: string; name: string }[];
  today: string;
}) {
  const find = { action: `/staff/councils/${council.id}#add-organisation`, value: 'bulk-organisation' };
  return (
    <Card as="section" aria-labelledby="add-organisation" className="mt-8">
      <h2 id="add-organisation" className="text-lg font-semibold">
        Add everyone at an organisation
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        Everyone in Contacts at that organisation joins the roster; anyone already on it in those dates is skipped. To
        add people you pick, or everyone matching a search, tick them in <Link href="/staff/contacts">Contacts</Link>;
        to add a file of members, <Link href="/staff/contacts/import">import it</Link> with this council as its roster.
      </p>
      <ActionForm
        action={addMembersInBulkAction}
        submitLabel="Add everyone at the organisation"
        className="mt-3 flex flex-col items-start gap-3"
      >
        <input type="hidden" name="scope" value="organisation" />
        <PeoplePicker
          kind="organisations"
          id="bulk-organisation"
          name="organisationId"
          label="Organisation whose people to add"
          {...pickerState(fallback?.organisationId)}
          find={find}
        />
        <RosterTermFields
          idPrefix="bulk-organisation-term"
          councils={[council]}
          councilId={council.id}
          nominatedBy={{ find, fallback: fallback?.nominatedByOrganisationId }}
          typed={typed}
          countries={countries}
          workingGroups={council.workingGroups.map((g) => ({ id: g.id, councilId: council.id, label: g.nameEn }))}
          today={today}
        />
      </ActionForm>
    </Card>
  );
}
