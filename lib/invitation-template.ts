// The texts staff write for a meeting's invitation and reminder emails, with placeholders like {{name}}. Shared by the
// server (which refuses an unknown placeholder and fills them in when sending) and the browser (the live preview).

export const PLACEHOLDERS = ['name', 'meeting', 'council', 'dates', 'venue', 'deadline', 'role', 'greeting'] as const;
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

// {{greeting}} is the whole greeting line, by courtesy title and, in Russian, grammatical gender (lib/courtesy):
// "Dear Ms. Omarova," / «Уважаемая госпожа Омарова!», or the neutral "Dear {{name}}," / «Здравствуйте, {{name}}!».
// Meeting titles are quoted, never run into the sentence: "Second meeting of the…" would need an article in English
// and a case ending in Russian. The council's Russian name stays in the nominative for the same reason (in brackets).
// Staff may replace these per meeting; texts they stored stay as they wrote them.
export const DEFAULT_TEXTS: Record<TemplateKind, Record<'en' | 'ru', string>> = {
  invitation: {
    en: '{{greeting}}\n\nThe secretariat of the {{council}} has the honour to invite you to attend, as {{role}}, the meeting “{{meeting}}”, to be held on {{dates}}.\n\nThe secretariat would be grateful to receive your reply by {{deadline}}, through your personal link below.',
    ru: '{{greeting}}\n\nСекретариат имеет честь пригласить Вас принять участие в качестве {{role}} в совещании «{{meeting}}» ({{council}}), которое состоится {{dates}}.\n\nСекретариат будет признателен, если Вы сообщите о своем участии до {{deadline}}, воспользовавшись Вашей персональной ссылкой ниже.',
  },
  reminder: {
    en: '{{greeting}}\n\nThe secretariat wishes to recall its invitation to the meeting “{{meeting}}”, to be held on {{dates}}. As your reply has not yet been received, the secretariat would be grateful to receive it by {{deadline}}, through your personal link below.',
    ru: '{{greeting}}\n\nСекретариат напоминает о своем приглашении на совещание «{{meeting}}», которое состоится {{dates}}. Поскольку Ваш ответ еще не получен, секретариат будет признателен, если Вы направите его до {{deadline}}, воспользовавшись Вашей персональной ссылкой ниже.',
  },
};
