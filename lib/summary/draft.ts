import type { AgendaItemKind, OrganisationType } from '@/lib/domain';
import { countryName } from '@/lib/countries';
import type { Locale } from '@/lib/datetime';
import { organisationAcronym, organisationName, type NamedOrganisation } from '@/lib/organisation-label';
import { participantCountWords } from '@/lib/participant-count';
import { hasCyrillic, toLatin } from '@/lib/transliterate';
import { escapeMarkdown, escapeMarkdownParagraphs } from './markdown';

/** What a first draft of a meeting's news item is written from: the meeting's own records, public ones only. */
export type SummaryFacts = {
  meeting: {
    titleEn: string;
    titleRu: string;
    startsAt: Date;
    timeZone: string;
    cityEn: string | null;
    cityRu: string | null;
    /** «в Ташкенте»; null: the built-in capitals, else «в городе …». */
    cityRuLocative: string | null;
  };
  council: { nameEn: string; nameRu: string; mandateEn: string; mandateRu: string };
  organisers: FactOrganisation[];
  coOrganisers: FactOrganisation[];
  /** Who attended where check-ins exist, else who registered; `participantBasis` says which. */
  participantCount: number;
  participantBasis: 'attended' | 'registered';
  /** ISO codes, most participants first. */
  countries: string[];
  organisationTypes: OrganisationType[];
  /** UN entities and regional organisations among the meeting's organisations and the participants' ones. */
  unEntities: FactOrganisation[];
  regionalOrganisations: FactOrganisation[];
  /** The published agenda only (empty while it is the secretariat's working copy). */
  agenda: {
    kind: AgendaItemKind;
    titleEn: string;
    titleRu: string;
    descriptionEn: string;
    descriptionRu: string;
    speakers: Speaker[];
  }[];
};

export type FactOrganisation = NamedOrganisation;
/** A speaker as each draft names them: Latin script in English, the Russian spelling they use in Russian. */
export type Speaker = { en: string; ru: string };

/** What the records say of a speaker's name: the directory's, and the latest registration's (null: none). */
export type SpeakerRecord = {
  name: string;
  nameLatin: string | null;
  displayName: string | null;
  passportName: string | null;
};

/**
 * A speaker's name in each draft. The name the person now uses comes first (their latest registration's, then the
 * directory's); the Russian draft takes the first in Cyrillic script, the English one the first in Latin script,
 * then the passport spelling, then a transliteration.
 */
export function speakerNames(person: SpeakerRecord): Speaker {
  const present = (names: (string | null)[]) => names.map((n) => n?.trim() ?? '').filter(Boolean);
  const used = present([person.displayName, person.name]);
  const ru = used.find(hasCyrillic) ?? used[0] ?? '';
  const en = [...used, ...present([person.nameLatin, person.passportName])].find((n) => !hasCyrillic(n));
  return { en: en ?? toLatin(ru), ru };
}

/** A summary's text in both languages (db/schema.ts SummaryText: what every version keeps). */
export type SummaryDraft = {
  slug: string;
  headlineEn: string;
  headlineRu: string;
  leadEn: string;
  leadRu: string;
  bodyEn: string;
  bodyRu: string;
};

const MAIN_ITEMS: AgendaItemKind[] = ['opening', 'statement', 'panel', 'working_session'];
const MARGIN_ITEMS: AgendaItemKind[] = ['side_meeting', 'briefing'];

// Lists of who took part, as a sentence says them; Russian in the genitive plural ("представители …").
const TYPE_PHRASES: Record<Locale, Record<OrganisationType, string>> = {
  en: {
    government: 'state institutions',
    civil_society: 'civil society',
    un_entity: 'UN entities',
    regional_organisation: 'regional organisations',
    international_organisation: 'international organisations',
    academic: 'academic and research institutions',
    diplomatic_mission: 'diplomatic missions',
    media: 'the media',
    other: 'other organisations',
  },
  ru: {
    government: 'государственных учреждений',
    civil_society: 'гражданского общества',
    un_entity: 'структур ООН',
    regional_organisation: 'региональных организаций',
    international_organisation: 'международных организаций',
    academic: 'научных и аналитических учреждений',
    diplomatic_mission: 'дипломатических представительств',
    media: 'средств массовой информации',
    other: 'других организаций',
  },
};

/** "a, b and c" / «a, b и c». */
export function joinList(items: string[], locale: Locale): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${locale === 'ru' ? 'и' : 'and'} ${items.at(-1)}`;
}

// Institutions named by a common noun take "the" in English ("the Ministry of Foreign Affairs", "the Shanghai
// Cooperation Organisation"); names that are proper names do not ("Nazarbayev University", "Human Rights Watch",
// "UNICEF"). A name says which it is by a noun of this list after its first word, or by "of", "for", "on" or "in"
// joining its parts ("the University of Central Asia"). A name that starts with "The" keeps its own article.
const INSTITUTION_NOUNS = new Set([
  'academy',
  'agency',
  'alliance',
  'assembly',
  'association',
  'authority',
  'bank',
  'board',
  'bureau',
  'center',
  'centre',
  'commission',
  'committee',
  'commonwealth',
  'conference',
  'council',
  'court',
  'department',
  'directorate',
  'embassy',
  'federation',
  'forum',
  'foundation',
  'fund',
  'government',
  'group',
  'institute',
  'league',
  'ministry',
  'mission',
  'network',
  'office',
  'organisation',
  'organization',
  'parliament',
  'programme',
  'secretariat',
  'service',
  'union',
]);

/** Whether an English organisation name takes "the" in running text. */
export function takesDefiniteArticle(nameEn: string): boolean {
  const words = nameEn.trim().split(/\s+/);
  if (words.length < 2 || /^the$/i.test(words[0]!)) return false;
  if (words.some((word) => /^(of|for|on|in)$/.test(word))) return true;
  return words.slice(1).some((word) => INSTITUTION_NOUNS.has(word.toLowerCase().replace(/[^a-z-]/g, '')));
}

// Countries that take "the" in United Nations English: descriptive names ("the Russian Federation", "the United
// States of America", "the Marshall Islands") and a few by usage. The list forms with brackets ("Iran (Islamic
// Republic of)") stand as they are.
const COUNTRIES_WITH_THE = new Set([
  'Bahamas',
  'Comoros',
  'Congo',
  'Gambia',
  'Holy See',
  'Maldives',
  'Niger',
  'Philippines',
  'Sudan',
]);

/** A country's name in running text, in English with its article. */
export function countryInText(code: string, locale: Locale): string {
  const name = countryName(code, locale);
  if (locale === 'ru' || name.includes('(')) return name;
  const descriptive = /\b(Republic|Federation|Kingdom|States|State|Islands|Emirates)\b/.test(name);
  return descriptive || COUNTRIES_WITH_THE.has(name) ? `the ${name}` : name;
}

/** The organisation as a sentence first names it: full name and acronym, in English with its article. */
function organisationInText(organisation: FactOrganisation, locale: Locale): string {
  const name = organisationName(organisation, locale);
  const acronym = organisationAcronym(organisation, locale);
  const named = acronym && acronym !== name ? `${name} (${acronym})` : name;
  if (locale === 'ru') return named;
  if (/^The\s/.test(named)) return `the${named.slice(3)}`;
  return takesDefiniteArticle(organisation.nameEn) ? `the ${named}` : named;
}

// Russian declines the city after «в», and no rule does it for every name: staff write it for the meeting
// (meetings.cityRuLocative); the capitals of the region are known.
const CAPITALS_RU_LOCATIVE: Record<string, string> = {
  Астана: 'в Астане',
  Бишкек: 'в Бишкеке',
  Душанбе: 'в Душанбе',
  Ашхабад: 'в Ашхабаде',
  Ташкент: 'в Ташкенте',
};

/** «в Ташкенте»: the meeting's own locative, the known capital's, or «в городе …» (the city stays undeclined). */
export function inCityRu(cityRu: string | null, locative: string | null): string | null {
  const own = locative?.trim();
  if (own) return /^во?\s/i.test(own) ? own.replace(/^В/, 'в') : `в ${own}`;
  const city = cityRu?.trim();
  if (!city) return null;
  return CAPITALS_RU_LOCATIVE[city] ?? `в городе ${city}`;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const lowerFirst = (text: string) =>
  /^[A-ZА-ЯЁ][a-zа-яё]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;

/**
 * "104 participants took part" as a news item says it, with the right noun and verb forms — or, where no one was
 * checked in and the count is of registrations, "104 participants registered", so the draft says which it is.
 */
export function participantsSentence(
  count: number,
  locale: Locale,
  basis: 'attended' | 'registered' = 'attended',
): string {
  const words = participantCountWords(count, locale);
  const noun = count === 1 ? 'participant' : 'participants';
  if (locale === 'en') return `${capitalise(words)} ${noun} ${basis === 'attended' ? 'took part' : 'registered'}`;
  // «более ста человек», «двадцать человек», «3 человека», «1 человек».
  const exact = count < 20;
  const form = exact ? new Intl.PluralRules('ru').select(count) : 'many';
  const ruNoun = form === 'few' ? 'человека' : 'человек';
  const one = exact && form === 'one';
  if (basis === 'registered')
    return `Для участия в совещании ${one ? 'зарегистрировался' : 'зарегистрировались'} ${words} ${ruNoun}`;
  return `В совещании ${one ? 'принял' : 'приняли'} участие ${words} ${ruNoun}`;
}

/** A URL name from the English title and the date: lower-case Latin letters, digits and hyphens. */
export function slugFor(title: string, day: string): string {
  const words = toLatin(title)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  let base = '';
  for (const word of words.split('-')) {
    if (!word) continue;
    if (base.length + word.length + 1 > 80) break;
    base = base ? `${base}-${word}` : word;
  }
  return base ? `${base}-${day}` : day;
}

/** Co-organisers the lead's first sentence names beside the organiser; the others get a sentence of their own. */
export const PARTNERS_IN_FIRST_SENTENCE = 2;

/**
 * The lead: what took place, where, and who organised it. The date is not in it: the published item's dateline
 * («ТАШКЕНТ, 14 мая 2024 г. —») states it, and the lead follows the dateline.
 */
function leadIn(facts: SummaryFacts, locale: Locale): string {
  const { meeting } = facts;
  const list = (organisations: FactOrganisation[]) =>
    joinList(
      organisations.map((o) => organisationInText(o, locale)),
      locale,
    );
  const partners = facts.coOrganisers.slice(0, facts.organisers.length ? PARTNERS_IN_FIRST_SENTENCE : 0);
  const others = facts.coOrganisers.slice(partners.length);
  const sentences: string[] = [];
  if (locale === 'ru') {
    const where = inCityRu(meeting.cityRu, meeting.cityRuLocative);
    sentences.push(`${where ? `${capitalise(where)} состоялось` : 'Состоялось'} ${lowerFirst(meeting.titleRu)}.`);
    if (facts.organisers.length) {
      const organiser = `${facts.organisers.length > 1 ? 'Организаторы' : 'Организатор'} — ${list(facts.organisers)}`;
      sentences.push(
        `${organiser}${partners.length ? `; ${partners.length > 1 ? 'соорганизаторы' : 'соорганизатор'} — ${list(partners)}` : ''}.`,
      );
    }
    // Nominative after a dash or «среди …»: an organisation's name is not declined, nor its gender guessed.
    if (others.length)
      sentences.push(
        facts.organisers.length ? `Среди соорганизаторов также ${list(others)}.` : `Соорганизаторы — ${list(others)}.`,
      );
  } else {
    const where = meeting.cityEn ? ` in ${meeting.cityEn}` : '';
    const title = lowerFirst(meeting.titleEn);
    sentences.push(
      facts.organisers.length
        ? `${capitalise(list(facts.organisers))} held the ${title}${where}${partners.length ? `, in partnership with ${list(partners)}` : ''}.`
        : `The ${title} took place${where}.`,
    );
    if (others.length)
      sentences.push(`${capitalise(list(others))} ${facts.organisers.length ? 'also ' : ''}co-organised the meeting.`);
  }
  return sentences.join(' ');
}

function draftIn(facts: SummaryFacts, locale: Locale) {
  const ru = locale === 'ru';
  const { meeting, council } = facts;
  const title = ru ? meeting.titleRu : meeting.titleEn;
  const city = (ru ? meeting.cityRu : meeting.cityEn) ?? '';

  const headline = ru ? `${title}${city ? ` — ${city}` : ''}` : `${title}${city ? ` held in ${city}` : ''}`;
  const lead = leadIn(facts, locale);

  // The body is Markdown: every text from the records goes in escaped, so it renders as written.
  const body: string[] = [];
  const mandate = ru ? council.mandateRu : council.mandateEn;
  if (mandate.trim()) body.push(`## ${ru ? 'О Совете' : 'About the Council'}`, escapeMarkdownParagraphs(mandate));

  if (facts.participantCount > 0) {
    body.push(`## ${ru ? 'Участники' : 'Participants'}`);
    const countries = facts.countries.map((code) => escapeMarkdown(countryInText(code, locale)));
    let paragraph = `${participantsSentence(facts.participantCount, locale, facts.participantBasis)}.`;
    if (countries.length) {
      paragraph += ru
        ? ` Участники прибыли из следующих стран: ${joinList(countries, locale)}.`
        : ` They came from ${joinList(countries, locale)}.`;
    }
    const types = facts.organisationTypes.map((type) => TYPE_PHRASES[locale][type]);
    if (types.length)
      paragraph += ru
        ? ` Среди них — представители ${joinList(types, locale)}.`
        : ` They represented ${joinList(types, locale)}.`;
    body.push(paragraph);
  }
  const names = (organisations: FactOrganisation[]) =>
    joinList(
      organisations.map((o) => escapeMarkdown(organisationInText(o, locale))),
      locale,
    );
  const present: string[] = [];
  if (facts.unEntities.length) {
    const un = names(facts.unEntities);
    present.push(
      ru ? `Систему ООН также представляли ${un}.` : `The United Nations system was also represented by ${un}.`,
    );
  }
  if (facts.regionalOrganisations.length) {
    const regional = names(facts.regionalOrganisations);
    present.push(
      ru
        ? `В совещании участвовали региональные организации: ${regional}.`
        : `The regional organisations represented were ${regional}.`,
    );
  }
  if (present.length) body.push(present.join(' '));

  const item = (entry: SummaryFacts['agenda'][number]) => {
    const itemTitle = escapeMarkdown(ru ? entry.titleRu : entry.titleEn);
    const description = escapeMarkdown(ru ? entry.descriptionRu : entry.descriptionEn);
    const speakerNames = entry.speakers.map((speaker) => escapeMarkdown(ru ? speaker.ru : speaker.en)).filter(Boolean);
    const speakers = speakerNames.length
      ? ` (${ru ? 'выступающие' : 'speakers'}: ${joinList(speakerNames, locale)})`
      : '';
    return `- ${itemTitle}${speakers}${description ? `. ${description}` : ''}`;
  };
  const main = facts.agenda.filter((entry) => MAIN_ITEMS.includes(entry.kind));
  if (main.length) body.push(`## ${ru ? 'Программа' : 'Programme'}`, main.map(item).join('\n'));
  const margins = facts.agenda.filter((entry) => MARGIN_ITEMS.includes(entry.kind));
  if (margins.length) {
    body.push(`## ${ru ? 'Встречи на полях и брифинги' : 'Side meetings and briefings'}`, margins.map(item).join('\n'));
  }
  return { headline, lead, body: body.join('\n\n') };
}

/**
 * A first text of the news item in both languages. It names organisations, countries and the people the public
 * agenda already names (speakers), never a participant: the participant list is not public.
 */
export function draftSummary(facts: SummaryFacts): SummaryDraft {
  const en = draftIn(facts, 'en');
  const ru = draftIn(facts, 'ru');
  const day = new Intl.DateTimeFormat('en-CA', {
    timeZone: facts.meeting.timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(facts.meeting.startsAt);
  return {
    slug: slugFor(facts.meeting.titleEn, day),
    headlineEn: en.headline,
    headlineRu: ru.headline,
    leadEn: en.lead,
    leadRu: ru.lead,
    bodyEn: en.body,
    bodyRu: ru.body,
  };
}
