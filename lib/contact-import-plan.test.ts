import { describe, expect, it } from 'vitest';
import type { ColumnMapping } from './contact-import';
import {
  countOutcomes,
  mentionKey,
  organisationLabeller,
  planRows,
  resolveOrganisations,
  type OrganisationRef,
  type StoredContact,
} from './contact-import-plan';

// The planning needs no database: these run on plain values.
const osce: OrganisationRef = { id: 'o-1', nameEn: 'OSCE Programme Office', nameRu: null, acronym: 'OSCE' };
const mapping: ColumnMapping = ['name', 'email', 'organisation', 'acronym'];

describe('planning a contact import', () => {
  it('matches organisations by acronym or name and groups new ones that share either', () => {
    const mentions = [
      { name: 'osce', acronym: null },
      { name: 'Regional Water Centre', acronym: 'RWC' },
      { name: 'RWC', acronym: null },
    ];
    const { targets, planned } = resolveOrganisations(mentions, [osce], {});
    expect(targets.get(mentionKey(mentions[0]!))).toEqual({ kind: 'existing', organisation: osce });
    expect(planned).toEqual([{ key: 'acronym:rwc', name: 'Regional Water Centre', acronym: 'RWC', mappedTo: null }]);
    expect(targets.get(mentionKey(mentions[2]!))).toEqual({ kind: 'new', key: 'acronym:rwc' });
    // Staff's choice maps the new one to an existing organisation instead.
    expect(resolveOrganisations(mentions, [osce], { 'acronym:rwc': 'o-1' }).planned[0]!.mappedTo).toBe(osce);
  });

  it('says what each row would do, merging a repeated email into the first line', () => {
    const rows = [
      ['Aidana Jumaeva', 'aidana@example.org', '', 'OSCE'],
      ['', 'nobody@example.org', '', ''],
      ['Aidana Jumaeva', 'aidana@example.org', 'Regional Water Centre', 'RWC'],
    ];
    const mentions = [
      { name: 'OSCE', acronym: 'OSCE' },
      { name: 'Regional Water Centre', acronym: 'RWC' },
    ];
    const { targets, planned } = resolveOrganisations(mentions, [osce], {});
    // Line 4 of the spreadsheet is blank: the rows are on lines 2, 3 and 5.
    const { outcomes } = planRows(
      rows,
      (index) => [2, 3, 5][index]!,
      mapping,
      new Map<string, StoredContact>(),
      targets,
      organisationLabeller([osce], planned),
      'test.csv',
    );
    expect(outcomes.map((o) => [o.line, o.outcome])).toEqual([
      [2, 'create'],
      [3, 'rejected'],
      [5, 'update'],
    ]);
    // Each row counted once: the repeated email is not also an update.
    expect(countOutcomes(outcomes)).toEqual({
      create: 1,
      update: 0,
      unchanged: 0,
      rejected: 1,
      repeated: 1,
      contactsChanged: 1,
    });
    expect(outcomes[2]).toMatchObject({
      sameAsLine: 2,
      organisation: 'RWC',
      changes: [{ field: 'organisation', from: 'OSCE', to: 'RWC' }],
    });
  });
});
