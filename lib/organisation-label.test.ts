import { describe, expect, it } from 'vitest';
import { missingRussian, organisationAcronym, organisationLabel, organisationName } from './organisation-label';

const unodc = {
  nameEn: 'United Nations Office on Drugs and Crime',
  nameRu: 'Управление Организации Объединенных Наций по наркотикам и преступности',
  acronym: 'UNODC',
  acronymRu: 'УНП ООН',
};

describe('organisation names in each language', () => {
  it('uses the Russian name and acronym on Russian texts, the English ones on English texts', () => {
    expect(organisationLabel(unodc, 'ru')).toBe('УНП ООН');
    expect(organisationName(unodc, 'ru')).toBe(unodc.nameRu);
    expect(organisationLabel(unodc, 'en')).toBe('UNODC');
    expect(organisationName(unodc, 'en')).toBe(unodc.nameEn);
  });

  it('falls back to the English one only where the Russian one is empty', () => {
    const noRussian = { ...unodc, nameRu: '  ', acronymRu: null };
    expect(organisationName(noRussian, 'ru')).toBe(unodc.nameEn);
    expect(organisationAcronym(noRussian, 'ru')).toBe('UNODC');
    expect(organisationAcronym({ ...unodc, acronymRu: '' }, 'ru')).toBe('UNODC');
    expect(organisationName({ ...unodc, nameRu: null }, 'ru')).toBe(unodc.nameEn);
  });

  it('labels an organisation without an acronym by its name', () => {
    const committee = {
      nameEn: "Family and Women's Committee",
      nameRu: 'Комитет по делам семьи и женщин',
      acronym: null,
      acronymRu: null,
    };
    expect(organisationLabel(committee, 'ru')).toBe('Комитет по делам семьи и женщин');
    expect(organisationLabel(committee, 'en')).toBe("Family and Women's Committee");
    expect(missingRussian(committee)).toEqual({ name: false, acronym: false });
  });

  it('flags the gaps staff should fill', () => {
    expect(missingRussian(unodc)).toEqual({ name: false, acronym: false });
    expect(missingRussian({ ...unodc, nameRu: null, acronymRu: ' ' })).toEqual({ name: true, acronym: true });
  });
});
