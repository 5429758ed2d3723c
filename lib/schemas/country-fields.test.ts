import { describe, expect, it } from 'vitest';
import { COUNTRIES, WITHDRAWN_CODES } from '@/lib/countries';
import { readContactFilters, readOrganisationFilters } from '@/lib/directory-filters';
import { contactSchema } from './contact';
import { inviteSchema } from './invitation-selection';
import { meetingFormSchema } from './meeting';
import { organisationSchema } from './organisation';
import { registrationSchema } from './registration';

// Every form with a country field takes one of the 195 States, by its current code; a delegate's nationality
// may also be one of the other ISO 3166-1 entries. Withdrawn codes (SU, DD, UK…) are refused everywhere.

const WITHDRAWN = Object.keys(WITHDRAWN_CODES);
const TERRITORY = COUNTRIES.find((c) => c.kind === 'territory' && c.code === 'HK')!.code;

const forms: Record<string, { field: string; parse: (country: string) => { success: boolean; error?: unknown } }> = {
  contact: {
    field: 'country',
    parse: (country) => contactSchema.safeParse({ name: 'Aziz', email: 'aziz@example.org', language: 'en', country }),
  },
  organisation: {
    field: 'country',
    parse: (country) => organisationSchema.safeParse({ nameEn: 'Ministry of Justice', type: 'government', country }),
  },
  meeting: {
    field: 'country',
    parse: (country) =>
      meetingFormSchema.safeParse({
        councilId: '7b0f7a5e-55b5-4c4e-9a55-2a1c1c1c1c1c',
        workingGroupId: '',
        kind: 'plenary',
        titleEn: 'Plenary',
        titleRu: 'Пленарное заседание',
        timeZone: 'Asia/Tashkent',
        startDate: '2027-05-14',
        startTime: '10:00',
        endDate: '2027-05-14',
        endTime: '17:30',
        format: 'in_person',
        cityEn: 'Tashkent',
        country,
        capacity: '120',
        deadlineDate: '2027-05-01',
        deadlineTime: '18:00',
      }),
  },
  invitation: {
    field: 'country',
    parse: (country) =>
      inviteSchema.safeParse({ role: 'delegate', confirmedCount: '1', by: 'filter', country, tag: '' }),
  },
  registration: {
    field: 'country',
    parse: (country) => registrationSchema.safeParse({ ...registration, country }),
  },
  nationality: {
    field: 'nationality',
    parse: (nationality) => registrationSchema.safeParse({ ...registration, ...visa, nationality }),
  },
};

const registration = {
  passportName: 'Aziz Karimov',
  displayName: 'Азиз Каримов',
  organisationName: 'Ministry of Justice',
  country: 'UZ',
  phone: '+998 71 000 00 00',
  dataConsent: 'on',
};
const visa = { passportNumber: 'N12345678', dateOfBirth: '1980-02-03', passportExpiry: '2030-01-01' };

const refusedFields = (result: { success: boolean; error?: unknown }) =>
  result.success ? [] : (result.error as { issues: { path: PropertyKey[] }[] }).issues.map((i) => String(i.path[0]));

describe('country fields', () => {
  for (const [form, { field, parse }] of Object.entries(forms)) {
    it(`${form}: takes a State, refuses withdrawn codes`, () => {
      expect(refusedFields(parse('KG'))).toEqual([]);
      expect(refusedFields(parse('PS'))).toEqual([]);
      for (const code of WITHDRAWN) expect(refusedFields(parse(code)), code).toContain(field);
      expect(refusedFields(parse('XK'))).toContain(field);
    });
  }

  it('takes a territory only as a nationality', () => {
    for (const [form, { field, parse }] of Object.entries(forms)) {
      if (form === 'nationality') expect(refusedFields(parse(TERRITORY))).toEqual([]);
      else expect(refusedFields(parse(TERRITORY)), form).toContain(field);
    }
  });

  it('drops a withdrawn code from the directory filters', () => {
    expect(readContactFilters({ country: 'SU' }).country).toBeUndefined();
    expect(readOrganisationFilters({ country: 'DD' }).country).toBeUndefined();
    expect(readContactFilters({ country: 'RU' }).country).toBe('RU');
  });
});
