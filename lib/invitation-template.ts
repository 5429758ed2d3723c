// The texts staff write for a meeting's invitation and reminder emails, with placeholders like {{name}}. Shared by the
// server (which refuses an unknown placeholder and fills them in when sending) and the browser (the live preview).

export const PLACEHOLDERS = ['name', 'meeting', 'council', 'dates', 'venue', 'deadline', 'role'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type PlaceholderValues = Record<Placeholder, string>;

const PATTERN = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** Placeholders in the text that do not exist (misspelt ones, above all), each once. */
export function unknownPlaceholders(text: string): string[] {
  const unknown = new Set<string>();
  for (const [, name] of text.matchAll(PATTERN))
    if (!(PLACEHOLDERS as readonly string[]).includes(name!)) unknown.add(name!);
  return [...unknown];
}

/** The text with its placeholders filled in; an unknown one is left as written (the form refuses it first). */
export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  return text.replace(PATTERN, (whole, name: string) =>
    (PLACEHOLDERS as readonly string[]).includes(name) ? values[name as Placeholder] : whole,
  );
}

export type TemplateKind = 'invitation' | 'reminder';

export const DEFAULT_TEXTS: Record<TemplateKind, Record<'en' | 'ru', string>> = {
  invitation: {
    en: 'Dear {{name}},\n\nOn behalf of the secretariat of the {{council}}, we have the honour to invite you to take part in {{meeting}} as {{role}}, on {{dates}}.\n\nPlease let us know by {{deadline}} whether you will attend, using your personal link below.',
    // The council's Russian name is in the nominative: it stands where no case ending is needed.
    ru: 'Уважаемый(ая) {{name}}!\n\nСекретариат имеет честь пригласить Вас принять участие в мероприятии «{{meeting}}» ({{council}}) в качестве {{role}}: {{dates}}.\n\nПросим сообщить до {{deadline}}, сможете ли Вы принять участие, по Вашей персональной ссылке ниже.',
  },
  reminder: {
    en: 'Dear {{name}},\n\nThis is a reminder of our invitation to {{meeting}} on {{dates}}. We have not yet received your answer: please reply by {{deadline}} using your personal link below.',
    ru: 'Уважаемый(ая) {{name}}!\n\nНапоминаем о нашем приглашении на мероприятие «{{meeting}}»: {{dates}}. Мы ещё не получили Вашего ответа: просим ответить до {{deadline}} по Вашей персональной ссылке ниже.',
  },
};
