import { CountryOptions, OrganisationOptions } from '@/components/choice-options';
import { inputClass } from '@/components/field';
import type { Contact } from '@/db/schema';

/** The contact form's fields (server-rendered, inside an ActionForm). */
export function ContactFields({
  idPrefix,
  contact,
  organisations,
  countries,
}: {
  idPrefix: string;
  contact?: Pick<Contact, 'name' | 'email' | 'organisationId' | 'country' | 'language'>;
  organisations: { id: string; nameEn: string; acronym: string | null }[];
  countries: { code: string; name: string }[];
}) {
  const field = (name: string, label: string, control: React.ReactNode) => (
    <div className="flex flex-col gap-1">
      <label htmlFor={`${idPrefix}-${name}`} className="text-sm font-medium">
        {label}
      </label>
      {control}
    </div>
  );
  return (
    <div className="grid w-full gap-3 sm:grid-cols-2">
      {field('name', 'Name', <input id={`${idPrefix}-name`} name="name" defaultValue={contact?.name} className={inputClass} />)}
      {field('email', 'Email', <input id={`${idPrefix}-email`} name="email" type="email" defaultValue={contact?.email} className={inputClass} />)}
      {field(
        'organisationId',
        'Organisation',
        <select id={`${idPrefix}-organisationId`} name="organisationId" defaultValue={contact?.organisationId ?? ''} className={inputClass}>
          <OrganisationOptions organisations={organisations} />
        </select>,
      )}
      {field(
        'country',
        'Country',
        <select id={`${idPrefix}-country`} name="country" defaultValue={contact?.country ?? ''} className={inputClass}>
          <CountryOptions countries={countries} />
        </select>,
      )}
      {field(
        'language',
        'Preferred language',
        <select id={`${idPrefix}-language`} name="language" defaultValue={contact?.language ?? 'en'} className={inputClass}>
          <option value="en">English</option>
          <option value="ru">Russian</option>
        </select>,
      )}
    </div>
  );
}
