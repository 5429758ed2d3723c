import { isCountryCode } from '@/lib/countries';
import {
  ORGANISATION_TYPES,
  REGISTRATION_STATUSES,
  type OrganisationType,
  type RegistrationStatus,
} from '@/lib/domain';
import type { ParticipantFilters } from '@/db/participants';

/** The participants list's filters from its query string (page and CSV export alike); anything unknown is ignored. */
export function readParticipantFilters(
  query: URLSearchParams | Record<string, string | string[] | undefined>,
): ParticipantFilters {
  const get = (key: string) => {
    const value = query instanceof URLSearchParams ? query.get(key) : query[key];
    return typeof value === 'string' && value ? value : undefined;
  };
  const status = get('status');
  const country = get('country');
  const type = get('type');
  return {
    status: REGISTRATION_STATUSES.includes(status as RegistrationStatus) ? (status as RegistrationStatus) : undefined,
    country: country && isCountryCode(country) ? country : undefined,
    organisationType: ORGANISATION_TYPES.includes(type as OrganisationType) ? (type as OrganisationType) : undefined,
  };
}

export function filterQuery(filters: ParticipantFilters): string {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  if (filters.country) params.set('country', filters.country);
  if (filters.organisationType) params.set('type', filters.organisationType);
  const query = params.toString();
  return query ? `?${query}` : '';
}
