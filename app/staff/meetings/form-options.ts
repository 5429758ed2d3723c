import 'server-only';
import { getTranslations } from 'next-intl/server';
import { listCouncilChoices, listWorkingGroupChoices } from '@/db/meetings';
import type { StaffUser } from '@/lib/auth/roles';
import { countryOptions } from '@/lib/countries';
import { allTimeZones } from '@/lib/datetime';
import { MEETING_FORMATS, MEETING_KINDS } from '@/lib/domain';

/** The choices the meeting form offers. */
export async function meetingFormOptions({ actor }: { actor: StaffUser }) {
  const t = await getTranslations({ locale: 'en', namespace: 'Meeting' });
  return {
    councils: (await listCouncilChoices({ actor })).map((c) => ({ value: c.id, label: c.nameEn })),
    workingGroups: (await listWorkingGroupChoices({ actor })).map((g) => ({ value: g.id, label: g.label })),
    kinds: MEETING_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) })),
    formats: MEETING_FORMATS.map((f) => ({ value: f, label: t(`format.${f}`) })),
    countries: countryOptions('en').map((c) => ({ value: c.code, label: c.name })),
    timeZones: allTimeZones(),
  };
}
