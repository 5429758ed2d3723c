import { describe, expect, it } from 'vitest';
import { freeMeetingSlug, meetingSlugBase, venueYear } from './meeting-slug';

describe('meeting slugs', () => {
  it('are the English title in lower-case Latin words and the year', () => {
    expect(meetingSlugBase('Regional Expert Council: Annual Meeting', 2027)).toBe(
      'regional-expert-council-annual-meeting-2027',
    );
    expect(meetingSlugBase('  Réunion — «Returnees» & Reintegration!  ', 2026)).toBe(
      'reunion-returnees-reintegration-2026',
    );
  });

  it('transliterate Cyrillic the passport way, and keep a year the title already ends with', () => {
    expect(meetingSlugBase('Совещание в Ташкенте', 2026)).toBe('soveshchanie-v-tashkente-2026');
    expect(meetingSlugBase('Annual Meeting 2027', 2027)).toBe('annual-meeting-2027');
    expect(meetingSlugBase('!!!', 2027)).toBe('2027');
  });

  it('cut a long title at a whole word within 80 characters', () => {
    const slug = meetingSlugBase(`${'word '.repeat(30)}tail`, 2026);
    expect(slug).toMatch(/^(word-)+word-2026$/);
    expect(slug.length - '-2026'.length).toBeLessThanOrEqual(80);
  });

  it('take the year at the venue: a 31 December evening in Tashkent is still that year', () => {
    expect(venueYear(new Date('2026-12-31T20:00:00Z'), 'Asia/Tashkent')).toBe(2027);
    expect(venueYear(new Date('2026-12-31T20:00:00Z'), 'America/New_York')).toBe(2026);
  });

  it('add -2, -3 … when taken', () => {
    expect(freeMeetingSlug('plenary-2026', new Set())).toBe('plenary-2026');
    expect(freeMeetingSlug('plenary-2026', new Set(['plenary-2026', 'plenary-2026-2']))).toBe('plenary-2026-3');
  });
});
