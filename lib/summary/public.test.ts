import jsonld from 'jsonld';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { escapeHtml, newsArticleJsonLd, newsFeed, type PublishedSummary } from './public';

// What was pasted into every text field of a summary (headline, lead, body, photo description and credit).
const PASTED = '</script><script>alert(1)</script><img src=x onerror=alert(1)> & "quotes" ]]> <![CDATA[x]]>';

const summary: PublishedSummary = {
  id: '00000000-0000-4000-8000-000000000001',
  slug: 'council-meets-in-tashkent-2024-05-14',
  headlineEn: `Council meets in Tashkent ${PASTED}`,
  headlineRu: `Совет собрался в Ташкенте ${PASTED}`,
  leadEn: `More than one hundred took part. ${PASTED}`,
  leadRu: `Более ста человек. ${PASTED}`,
  bodyEn: `## Body\n\n${PASTED}\n\n[x](javascript:alert(1))`,
  bodyRu: `## Текст\n\n${PASTED}`,
  publishedAt: new Date('2024-05-15T06:00:00Z'),
  firstPublishedAt: new Date('2024-05-15T06:00:00Z'),
  updatedAt: new Date('2024-05-15T06:00:00Z'),
  meeting: {
    startsAt: new Date('2024-05-14T05:00:00Z'),
    timeZone: 'Asia/Tashkent',
    cityEn: 'Tashkent',
    cityRu: 'Ташкент',
    country: 'UZ',
    slug: 'plenary-2024',
  },
  photos: [
    {
      id: '00000000-0000-4000-8000-000000000002',
      summaryId: '00000000-0000-4000-8000-000000000001',
      position: 0,
      altEn: `Hall ${PASTED}`,
      altRu: `Зал ${PASTED}`,
      credit: `UNRCCA ${PASTED}`,
      contentType: 'image/jpeg',
      width: 1600,
      height: 1067,
      byteSize: 12345,
      sha256: 'x',
      uploadedById: null,
      createdAt: new Date(),
    },
  ],
};

// The schema.org context is fetched over the network by a JSON-LD processor; the tests have none, so the loader
// answers with the part of it that matters here (every term is a schema.org term).
const offlineLoader = async (url: string) => {
  if (!/^https?:\/\/schema\.org\/?$/.test(url)) throw new Error(`unexpected context ${url}`);
  return { contextUrl: undefined, documentUrl: url, document: { '@context': { '@vocab': 'https://schema.org/' } } };
};

describe('NewsArticle structured data', () => {
  it.each(['en', 'ru'] as const)('is valid JSON-LD (%s) that no pasted text can break out of', async (locale) => {
    const serialised = newsArticleJsonLd(summary, locale, 'The secretariat');
    expect(serialised).not.toMatch(/<\/script/i);
    expect(serialised).not.toContain('<');
    const data = JSON.parse(serialised);
    expect(data.headline).toBe(locale === 'en' ? summary.headlineEn : summary.headlineRu);
    const expanded = await jsonld.expand(data, { documentLoader: offlineLoader as never });
    expect(expanded).toHaveLength(1);
    expect(expanded[0]!['@type']).toEqual(['https://schema.org/NewsArticle']);
    expect(expanded[0]!['https://schema.org/datePublished']).toEqual([{ '@value': '2024-05-15T06:00:00.000Z' }]);
    expect(expanded[0]!['https://schema.org/image']).toHaveLength(1);
  });
});

describe('the Atom feed', () => {
  it.each(['en', 'ru'] as const)(
    'parses with a feed reader’s parser, with the pasted text as text (%s)',
    async (locale) => {
      const xml = newsFeed([summary], locale, { title: 'News', description: 'About', publisher: 'The secretariat' });
      const feed = await new Parser().parseString(xml);
      expect(feed.items).toHaveLength(1);
      const [item] = feed.items;
      // type="html": the reader un-escapes it once and shows the text as typed, markup included, as text.
      expect(item!.title).toBe(escapeHtml(locale === 'en' ? summary.headlineEn : summary.headlineRu));
      expect(item!.link).toMatch(
        new RegExp(`${locale === 'ru' ? '/ru' : ''}/news/council-meets-in-tashkent-2024-05-14$`),
      );
      // The entry's HTML content is the sanitised page body: nothing in it runs.
      expect(item!.content).not.toMatch(/<script|<svg|href="javascript:/i);
      // With attribute values blanked (the escaped alt text may read "onerror="), no tag carries a handler.
      expect(item!.content!.replace(/"[^"]*"/g, '""')).not.toMatch(/<[^>]+\son\w+=/i);
      expect(item!.content).toContain(
        '<img src="http://localhost:3000/api/photos/00000000-0000-4000-8000-000000000002" alt="',
      );
    },
  );
});
