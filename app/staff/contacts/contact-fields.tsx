import { CountryOptions } from '@/components/choice-options';
import { FormRow, inputClass } from '@/components/field';
import { PeoplePicker, type PickerSetup } from '@/components/people-picker';
import { COURTESY_TITLES } from '@/lib/courtesy';
import type { ContactField, ContactValues } from '@/lib/schemas/contact';

export const SUGGESTED_TAGS = ['focal point', 'expert', 'media', 'speaker', 'civil society', 'diplomat'];

/** What the fields start with: a stored contact's values, or what was typed before a no-JavaScript search. */
export type ContactDefaults = Partial<Record<Exclude<ContactField, 'organisationId'>, string | null>>;

export const contactDefaults = (contact: ContactValues): ContactDefaults => ({
  ...contact,
  tags: contact.tags.join(', '),
});

/** The contact form's fields (server-rendered, inside an ActionForm). */
export function ContactFields({
  idPrefix,
  contact,
  organisation,
  countries,
}: {
  idPrefix: string;
  contact?: ContactDefaults;
  /**
   * The organisation's picker (searched on the server, never listed): the one chosen, and where its no-JavaScript
   * search goes with what it sent back (services/people-picker.ts).
   */
  organisation: PickerSetup;
  countries: { code: string; name: string }[];
}) {
  const field = (name: string, label: string, control: React.ReactNode, hint?: string) => (
    <FormRow id={`${idPrefix}-${name}`} label={label} hint={hint}>
      {control}
    </FormRow>
  );
  const hinted = (name: string) => ({ 'aria-describedby': `${idPrefix}-${name}-hint` });
  return (
    <div className="grid w-full gap-3 sm:grid-cols-2">
      {field(
        'name',
        'Name',
        <input
          id={`${idPrefix}-name`}
          name="name"
          defaultValue={contact?.name ?? ''}
          autoComplete="off"
          className={inputClass}
          {...hinted('name')}
        />,
        'As the person or the source writes it, in any script.',
      )}
      {field(
        'nameLatin',
        'Passport spelling (Latin letters)',
        <input
          id={`${idPrefix}-nameLatin`}
          name="nameLatin"
          defaultValue={contact?.nameLatin ?? ''}
          autoComplete="off"
          className={inputClass}
          {...hinted('nameLatin')}
        />,
        'As on the passport, for badges. Leave blank if the name above is already in Latin letters.',
      )}
      {field(
        'title',
        'Position',
        <input id={`${idPrefix}-title`} name="title" defaultValue={contact?.title ?? ''} className={inputClass} />,
      )}
      {field(
        'courtesyTitle',
        'Courtesy title',
        <select
          id={`${idPrefix}-courtesyTitle`}
          name="courtesyTitle"
          defaultValue={contact?.courtesyTitle ?? ''}
          className={inputClass}
          {...hinted('courtesyTitle')}
        >
          <option value="">None (greet by full name)</option>
          {COURTESY_TITLES.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>,
        'How emails and letters greet the person: “Dear Ms. Omarova,”; H.E.: “Excellency,”.',
      )}
      {field(
        'grammaticalGender',
        'Form of address in Russian',
        <select
          id={`${idPrefix}-grammaticalGender`}
          name="grammaticalGender"
          defaultValue={contact?.grammaticalGender ?? ''}
          className={inputClass}
          {...hinted('grammaticalGender')}
        >
          <option value="">Not given</option>
          <option value="feminine">Feminine (Уважаемая госпожа …)</option>
          <option value="masculine">Masculine (Уважаемый господин …)</option>
        </select>,
        'Only for the Russian greeting after Dr. or Prof. (Mr. and Ms. say it already); never used for anything else.',
      )}
      {field(
        'email',
        'Email',
        <input
          id={`${idPrefix}-email`}
          name="email"
          type="email"
          defaultValue={contact?.email ?? ''}
          autoComplete="off"
          className={inputClass}
        />,
      )}
      {field(
        'phone',
        'Phone',
        <input
          id={`${idPrefix}-phone`}
          name="phone"
          type="tel"
          defaultValue={contact?.phone ?? ''}
          autoComplete="off"
          className={inputClass}
        />,
      )}
      <div className="sm:col-span-2">
        <PeoplePicker
          kind="organisations"
          id={`${idPrefix}-organisationId`}
          name="organisationId"
          label="Organisation"
          chosen={organisation.chosen}
          query={organisation.query}
          results={organisation.results ?? null}
          find={organisation.find}
        />
      </div>
      {field(
        'country',
        'Country',
        <select id={`${idPrefix}-country`} name="country" defaultValue={contact?.country ?? ''} className={inputClass}>
          <CountryOptions countries={countries} current={contact?.country} />
        </select>,
      )}
      {field(
        'language',
        'Preferred language',
        <select
          id={`${idPrefix}-language`}
          name="language"
          defaultValue={contact?.language ?? 'en'}
          className={inputClass}
        >
          <option value="en">English</option>
          <option value="ru">Russian</option>
        </select>,
      )}
      {field(
        'tags',
        'Tags',
        <input
          id={`${idPrefix}-tags`}
          name="tags"
          defaultValue={contact?.tags ?? ''}
          className={inputClass}
          {...hinted('tags')}
        />,
        `Separated by commas, for example: ${SUGGESTED_TAGS.slice(0, 3).join(', ')}.`,
      )}
      <div className="sm:col-span-2">
        {field(
          'notes',
          'Notes',
          <textarea
            id={`${idPrefix}-notes`}
            name="notes"
            rows={3}
            defaultValue={contact?.notes ?? ''}
            className={inputClass}
          />,
        )}
      </div>
    </div>
  );
}
