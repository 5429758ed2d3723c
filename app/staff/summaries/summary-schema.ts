import { z } from 'zod';

// Slugs the news routes use for themselves: /news/page/2 is the list's second page.
const RESERVED_SLUGS = new Set(['page', 'feed', 'photos']);

const plain = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be at most ${max} characters.`)
    // Control characters are never meant; they break feeds (XML 1.0 forbids them).
    .refine(
      (value) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(value),
      `${label} contains invisible control characters; please retype it.`,
    );

const markdownBody = (label: string) =>
  z
    .string()
    .max(30_000, `${label} must be at most 30,000 characters.`)
    .transform((value) => value.replace(/\r\n?/g, '\n').trimEnd())
    .refine(
      (value) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(value),
      `${label} contains invisible control characters; please retype it.`,
    );

export const summaryTextSchema = z.object({
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, 'Enter the web address name (slug).')
    .max(120, 'The slug must be at most 120 characters.')
    .regex(
      /^[a-z0-9]+(-[a-z0-9]+)*$/,
      'Use only Latin letters, digits and single hyphens between words, e.g. council-meets-in-tashkent.',
    )
    .refine(
      (slug) => !RESERVED_SLUGS.has(slug),
      'That word is used by the news pages themselves; choose another slug.',
    ),
  headlineEn: plain('The English headline', 200),
  headlineRu: plain('The Russian headline', 200),
  leadEn: plain('The English lead paragraph', 800),
  leadRu: plain('The Russian lead paragraph', 800),
  bodyEn: markdownBody('The English text'),
  bodyRu: markdownBody('The Russian text'),
});

export const summaryFormSchema = summaryTextSchema.extend({
  baseVersion: z.coerce.number('This form could not be read. Reload the page.').int().positive(),
  intent: z.enum(['save', 'preview']).default('save'),
});

export const photoTextSchema = z.object({
  altEn: plain('The English description', 300).pipe(
    z.string().min(1, 'Describe the photo in English for people who cannot see it (alt text).'),
  ),
  altRu: plain('The Russian description', 300).pipe(
    z.string().min(1, 'Describe the photo in Russian for people who cannot see it (alt text).'),
  ),
  credit: plain('The credit', 200).pipe(z.string().min(1, 'Say whose photo it is (credit), e.g. “UNRCCA”.')),
});
