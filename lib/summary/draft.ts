import type { AgendaItemKind, OrganisationType } from '@/lib/domain';
import { countryName } from '@/lib/countries';
import { formatDate, type Locale } from '@/lib/datetime';
import { participantCountWords } from '@/lib/participant-count';
import { toLatin } from '@/lib/transliterate';

/** What a first draft of a meeting's news item is written from: the meeting's own records, public ones only. */
export type SummaryFacts = {
  meeting: {
    titleEn: string;
    titleRu: string;
    startsAt: Date;
    timeZone: string;
    cityEn: string | null;
    cityRu: string | null;
  };
  council: { nameEn: string; nameRu: string; mandateEn: string; mandateRu: string };
  organisers: FactOrganisation[];
  coOrganisers: FactOrganisation[];
  /** Registered participants (attended, once check-in exists). */
  participantCount: number;
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
    speakers: string[];
  }[];
};

export type FactOrganisation = { nameEn: string; nameRu: string | null; acronym: string | null };

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

function organisationName(organisation: FactOrganisation, locale: Locale): string {
  const name = locale === 'ru' ? (organisation.nameRu ?? organisation.nameEn) : organisation.nameEn;
  return organisation.acronym ? `${name} (${organisation.acronym})` : name;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "104 participants took part" as a news item says it, with the right noun and verb forms. */
export function participantsSentence(count: number, locale: Locale): string {
  const words = participantCountWords(count, locale);
  if (locale === 'en') return `${capitalise(words)} ${count === 1 ? 'participant' : 'participants'} took part`;
  // «более ста человек», «двадцать человек», «3 человека», «1 человек».
  const exact = count < 20;
  const form = exact ? new Intl.PluralRules('ru').select(count) : 'many';
  const noun = form === 'few' ? 'человека' : 'человек';
  const verb = exact && form === 'one' ? 'принял' : 'приняли';
  return `В мероприятии ${verb} участие ${words} ${noun}`;
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

function draftIn(facts: SummaryFacts, locale: Locale) {
  const ru = locale === 'ru';
  const { meeting, council } = facts;
  const title = ru ? meeting.titleRu : meeting.titleEn;
  const city = (ru ? meeting.cityRu : meeting.cityEn) ?? '';
  const date = formatDate(meeting.startsAt, meeting.timeZone, locale);
  const organisers = joinList(
    facts.organisers.map((o) => organisationName(o, locale)),
    locale,
  );
  const coOrganisers = joinList(
    facts.coOrganisers.map((o) => organisationName(o, locale)),
    locale,
  );

  const headline = ru ? `${title}${city ? ` — ${city}` : ''}` : `${title}${city ? ` held in ${city}` : ''}`;

  let lead: string;
  if (ru) {
    lead = `${date}${city ? ` в городе ${city}` : ''} состоялось мероприятие «${title}».`;
    if (organisers) lead += ` Организатор — ${organisers}${coOrganisers ? `; соорганизаторы — ${coOrganisers}` : ''}.`;
  } else {
    lead = organisers
      ? `On ${date}, ${organisers}${coOrganisers ? `, together with ${coOrganisers},` : ''} held the ${lowerFirst(title)}${city ? ` in ${city}` : ''}.`
      : `The ${lowerFirst(title)} took place${city ? ` in ${city}` : ''} on ${date}.`;
  }

  const body: string[] = [];
  const mandate = ru ? council.mandateRu : council.mandateEn;
  if (mandate) body.push(`## ${ru ? 'О Совете' : 'About the Council'}`, mandate);

  if (facts.participantCount > 0) {
    body.push(`## ${ru ? 'Участники' : 'Participants'}`);
    const countries = facts.countries.map((code) => countryName(code, locale));
    let paragraph = `${participantsSentence(facts.participantCount, locale)}.`;
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
  const present: string[] = [];
  if (facts.unEntities.length) {
    const names = joinList(
      facts.unEntities.map((o) => organisationName(o, locale)),
      locale,
    );
    present.push(ru ? `структуры ООН: ${names}` : `the UN entities ${names}`);
  }
  if (facts.regionalOrganisations.length) {
    const names = joinList(
      facts.regionalOrganisations.map((o) => organisationName(o, locale)),
      locale,
    );
    present.push(ru ? `региональные организации: ${names}` : `the regional organisations ${names}`);
  }
  if (present.length)
    body.push(ru ? `В мероприятии участвовали ${present.join('; ')}.` : `Present were ${present.join(', and ')}.`);

  const item = (entry: SummaryFacts['agenda'][number]) => {
    const itemTitle = ru ? entry.titleRu : entry.titleEn;
    const description = ru ? entry.descriptionRu : entry.descriptionEn;
    const speakers = entry.speakers.length
      ? ` (${ru ? 'выступающие' : 'speakers'}: ${joinList(entry.speakers, locale)})`
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

const lowerFirst = (text: string) => (/^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text);

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
