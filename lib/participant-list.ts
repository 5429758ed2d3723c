import { COUNTRIES } from '@/lib/countries';
import { nameWithCourtesy, type CourtesyTitle, type GrammaticalGender } from '@/lib/courtesy';
import type { DocumentBlock, DocumentLanguage, DocumentModel } from '@/lib/documents/model';
import type { OrganisationType } from '@/lib/domain';
import { organisationName, type NamedOrganisation } from '@/lib/organisation-label';

// The list of participants as a secretariat circulates it: grouped (Member States, Observer States, the United
// Nations system, intergovernmental and regional organisations, civil society and other organisations, the
// secretariat), each group's delegations in the alphabetical order of the document's own language, the head of
// delegation first within each. Pure: db/participant-list.ts gathers the people, lib/documents writes the files.

export const LIST_GROUPS = [
  'member_states',
  'observer_states',
  'un_system',
  'intergovernmental',
  'other',
  'secretariat',
] as const;
export type ListGroup = (typeof LIST_GROUPS)[number];

export const LIST_GROUP_HEADINGS: Record<DocumentLanguage, Record<ListGroup, string>> = {
  en: {
    member_states: 'Member States',
    observer_states: 'Observer States',
    un_system: 'United Nations system',
    intergovernmental: 'Intergovernmental and regional organisations',
    other: 'Civil society and other organisations',
    secretariat: 'Secretariat',
  },
  ru: {
    member_states: 'Государства-члены',
    observer_states: 'Государства-наблюдатели',
    un_system: 'Система Организации Объединенных Наций',
    intergovernmental: 'Межправительственные и региональные организации',
    other: 'Гражданское общество и другие организации',
    secretariat: 'Секретариат',
  },
};

export type ListBasis = 'registered' | 'attended';

export type ListOrganisation = NamedOrganisation & { id: string; type: OrganisationType; country: string | null };

/** One person on the list, with what places them: their delegation, else their organisation in the directory. */
export type ListPerson = {
  invitationId: string;
  passportName: string;
  displayName: string;
  courtesyTitle: CourtesyTitle | null;
  grammaticalGender: GrammaticalGender | null;
  /** The position (registrations.title). */
  position: string;
  /** The organisation as the person wrote it at registration: used where the directory has none. */
  organisationName: string;
  organisation: ListOrganisation | null;
  delegation: { country: string } | { organisation: ListOrganisation } | null;
  head: boolean;
  listOrder: number | null;
};

const COUNTRY_KIND = new Map(COUNTRIES.map((c) => [c.code, c]));

type Placement = { group: ListGroup; key: string; label: Record<DocumentLanguage, string> };

const stateOf = (code: string): Placement | null => {
  const country = COUNTRY_KIND.get(code);
  if (!country || country.kind === 'territory') return null;
  return {
    group: country.kind === 'member' ? 'member_states' : 'observer_states',
    key: `state:${code}`,
    label: { en: country.en, ru: country.ru },
  };
};

const organisationPlacement = (org: ListOrganisation, secretariatId: string | null): Placement => {
  const label = { en: organisationName(org, 'en'), ru: organisationName(org, 'ru') };
  if (org.id === secretariatId) return { group: 'secretariat', key: `org:${org.id}`, label };
  if (org.type === 'un_entity') return { group: 'un_system', key: `org:${org.id}`, label };
  if (org.type === 'regional_organisation' || org.type === 'international_organisation')
    return { group: 'intergovernmental', key: `org:${org.id}`, label };
  return { group: 'other', key: `org:${org.id}`, label };
};

/**
 * Where a person stands on the list: a State through their delegation, else through an organisation of type
 * government or diplomatic mission and its country; an organisation's group by its type; the council's secretariat
 * organisation is the secretariat; anyone else under civil society and other, by the organisation they wrote.
 */
export function placement(person: ListPerson, secretariatId: string | null): Placement {
  const { delegation, organisation } = person;
  if (delegation && 'country' in delegation) {
    const state = stateOf(delegation.country);
    if (state) return state;
  }
  if (delegation && 'organisation' in delegation) return organisationPlacement(delegation.organisation, secretariatId);
  if (organisation) {
    if (organisation.id === secretariatId) return organisationPlacement(organisation, secretariatId);
    if ((organisation.type === 'government' || organisation.type === 'diplomatic_mission') && organisation.country) {
      const state = stateOf(organisation.country);
      if (state) return state;
    }
    return organisationPlacement(organisation, secretariatId);
  }
  const written = person.organisationName.trim();
  return { group: 'other', key: `written:${written.toLowerCase()}`, label: { en: written, ru: written } };
}

const CYRILLIC = /\p{Script=Cyrillic}/u;

/** The name in the document's script: the passport's Latin spelling in English, the usual Cyrillic one in Russian. */
export function listName(person: Pick<ListPerson, 'passportName' | 'displayName'>, language: DocumentLanguage) {
  if (language === 'ru' && CYRILLIC.test(person.displayName)) return person.displayName;
  return person.passportName.trim() || person.displayName;
}

export type ListEntry = { name: string; position: string; organisation: string | null };
export type ListSection = { label: string; entries: ListEntry[] };
export type ListGroupSection = { group: ListGroup; heading: string; sections: ListSection[] };

/** The people grouped and ordered as the document in `language` prints them. */
export function arrangeList(
  people: ListPerson[],
  language: DocumentLanguage,
  secretariatId: string | null,
): ListGroupSection[] {
  const collator = new Intl.Collator(language === 'ru' ? 'ru' : 'en', { sensitivity: 'base', numeric: true });
  const sections = new Map<string, { placement: Placement; people: ListPerson[] }>();
  for (const person of people) {
    const place = placement(person, secretariatId);
    const section = sections.get(place.key) ?? { placement: place, people: [] };
    section.people.push(person);
    sections.set(place.key, section);
  }
  return LIST_GROUPS.map((group) => ({
    group,
    heading: LIST_GROUP_HEADINGS[language][group],
    sections: [...sections.values()]
      .filter((s) => s.placement.group === group)
      .sort((a, b) => collator.compare(a.placement.label[language], b.placement.label[language]))
      .map(({ placement: place, people: members }) => ({
        label: place.label[language],
        entries: members
          .map((person) => ({ person, name: listName(person, language) }))
          .sort(
            (a, b) =>
              Number(b.person.head) - Number(a.person.head) ||
              (a.person.listOrder ?? Infinity) - (b.person.listOrder ?? Infinity) ||
              collator.compare(a.name, b.name),
          )
          .map(({ person, name }) => {
            const own = person.organisation ? organisationName(person.organisation, language) : person.organisationName;
            return {
              name: nameWithCourtesy(
                { name, courtesyTitle: person.courtesyTitle, grammaticalGender: person.grammaticalGender },
                language,
              ),
              position: person.position.trim(),
              // The section's name already says it for someone of that very organisation.
              organisation: own.trim() && own.trim() !== place.label[language] ? own.trim() : null,
            };
          }),
      })),
  })).filter((g) => g.sections.length > 0);
}

const WORDS = {
  en: {
    title: 'List of participants',
    registered: 'Participants registered for the meeting',
    attended: 'Participants who attended the meeting',
    asOf: 'As of',
    draft: 'DRAFT',
    final: 'FINAL',
    nobody: 'No participants to list.',
  },
  ru: {
    title: 'Список участников',
    registered: 'Участники, зарегистрировавшиеся на совещание',
    attended: 'Участники, принявшие участие в совещании',
    asOf: 'По состоянию на',
    draft: 'ПРОЕКТ',
    final: 'ОКОНЧАТЕЛЬНЫЙ ВАРИАНТ',
    nobody: 'Участников нет.',
  },
} as const;

export interface ListDocumentInput {
  language: DocumentLanguage;
  meetingTitle: string;
  /** The meeting's dates and place, in the document's language. */
  when: string;
  where: string;
  /** "30 November 2026, 15:00 Tashkent time (UTC+5)", in the document's language. */
  asOf: string;
  basis: ListBasis;
  mark: 'draft' | 'final';
  groups: ListGroupSection[];
}

/** The list as a document: title, what it counts and as of when, then each group, section and person. */
export function participantListModel(input: ListDocumentInput): DocumentModel {
  const w = WORDS[input.language];
  const blocks: DocumentBlock[] = [
    { kind: 'heading', text: `${w.title}\n${input.meetingTitle}` },
    { kind: 'paragraph', text: [input.when, input.where].filter(Boolean).join('\n'), align: 'center' },
    { kind: 'paragraph', text: `${w[input.basis]}. ${w.asOf} ${input.asOf}.`, align: 'center' },
  ];
  if (input.groups.length === 0) blocks.push({ kind: 'paragraph', text: w.nobody, align: 'left' });
  for (const group of input.groups) {
    blocks.push({ kind: 'heading', text: group.heading, align: 'left' });
    for (const section of group.sections) {
      blocks.push({ kind: 'paragraph', text: section.label, bold: true, align: 'left' });
      for (const entry of section.entries) {
        blocks.push({
          kind: 'paragraph',
          text: [entry.name, entry.position, entry.organisation].filter(Boolean).join('\n'),
          align: 'left',
        });
      }
    }
  }
  return {
    language: input.language,
    title: `${w.title}: ${input.meetingTitle}`,
    blocks,
    running: {
      header: `${w[input.mark === 'draft' ? 'draft' : 'final']} · ${w.asOf} ${input.asOf}`,
      pageNumbers: true,
    },
  };
}
