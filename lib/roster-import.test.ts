import { describe, expect, it } from 'vitest';
import { mappingFromHeaders } from './contact-import';
import { parseDay, readRosterTerm } from './roster-import';

const headers = ['Full name', 'Email', 'Role', 'Nominated by', 'Term from', 'Term to', 'Working group'];
const { mapping } = mappingFromHeaders(headers);
const context = {
  organisations: [
    { id: 'org-unodc', nameEn: 'United Nations Office on Drugs and Crime', nameRu: null, acronym: 'UNODC' },
  ],
  workingGroups: [{ id: 'wg', nameEn: 'Working Group on Legal Frameworks', nameRu: 'Рабочая группа по правовой базе' }],
};
const read = (cells: string[]) => readRosterTerm(['A', 'a@example.org', ...cells], mapping, context);

describe('a roster row', () => {
  it('reads the role, a State or organisation in either language, both date styles and the working group', () => {
    expect(read(['Эксперт', 'Казахстан', '01.02.2026', '', 'рабочая группа по правовой базе'])).toEqual({
      ok: true,
      term: {
        role: 'national_expert',
        nominatedByCountry: 'KZ',
        nominatedByOrganisationId: null,
        termFrom: '2026-02-01',
        termTo: null,
        workingGroupId: 'wg',
      },
      description: 'National expert, nominated by Kazakhstan, from 2026-02-01, Working Group on Legal Frameworks',
    });
    expect(read(['observer', 'unodc', '2026-01-01', '2027-12-31', ''])).toMatchObject({
      ok: true,
      term: { role: 'observer', nominatedByCountry: null, nominatedByOrganisationId: 'org-unodc' },
    });
  });

  it('names what is wrong', () => {
    expect(read(['', 'KZ', '2026-01-01', '', ''])).toEqual({ ok: false, reason: 'Missing role on the council' });
    expect(read(['Member', 'Atlantis', '2026-01-01', '', ''])).toMatchObject({
      reason: expect.stringContaining('Atlantis'),
    });
    expect(read(['Member', 'KZ', '31.02.2026', '', ''])).toMatchObject({
      reason: expect.stringContaining('31.02.2026'),
    });
    expect(read(['Member', 'KZ', '2026-05-01', '2026-04-30', ''])).toEqual({
      ok: false,
      reason: 'The term ends before it begins',
    });
    expect(read(['Member', 'KZ', '2026-05-01', '', 'Finance'])).toMatchObject({
      reason: expect.stringContaining('Finance'),
    });
  });

  it('reads dates as Excel writes them, and refuses days that do not exist', () => {
    expect(parseDay('2026-12-31')).toBe('2026-12-31');
    expect(parseDay('1/2/2026')).toBe('2026-02-01');
    expect(parseDay('29.02.2025')).toBeNull();
    expect(parseDay('2026/01/01')).toBeNull();
  });
});
