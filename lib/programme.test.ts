import { describe, expect, it } from 'vitest';
import {
  endsAfterMeeting,
  peopleInRole,
  personAffiliation,
  personName,
  programmeDays,
  roomName,
  type ProgrammePerson,
} from './programme';

const at = (iso: string) => new Date(iso);
const item = (id: string, startsAt: string, position: number) => ({ id, startsAt: at(startsAt), position });
const person = (overrides: Partial<ProgrammePerson>): ProgrammePerson => ({
  role: 'speaker',
  position: 0,
  name: 'Ёлкина Ярослава',
  nameLatin: null,
  title: null,
  organisation: null,
  ...overrides,
});

describe('the programme', () => {
  it('groups items by the venue’s day and orders each day by time, then by staff’s order', () => {
    const days = programmeDays(
      [
        item('afternoon', '2026-05-14T09:00:00Z', 0),
        // 01:00 on 15 May in Tashkent (UTC+5), though still 14 May in UTC.
        item('next-day', '2026-05-14T20:00:00Z', 1),
        item('second-at-nine', '2026-05-14T04:00:00Z', 3),
        item('first-at-nine', '2026-05-14T04:00:00Z', 2),
      ],
      'Asia/Tashkent',
    );
    expect(days.map((d) => [d.day, d.items.map((i) => i.id)])).toEqual([
      ['2026-05-14', ['first-at-nine', 'second-at-nine', 'afternoon']],
      ['2026-05-15', ['next-day']],
    ]);
  });

  it('lists speakers and moderators each in the stored order', () => {
    const people = [
      person({ name: 'C', position: 2 }),
      person({ name: 'M', role: 'moderator', position: 0 }),
      person({ name: 'A', position: 0 }),
      person({ name: 'B', position: 1 }),
    ];
    expect(peopleInRole({ people }, 'speaker').map((p) => p.name)).toEqual(['A', 'B', 'C']);
    expect(peopleInRole({ people }, 'moderator').map((p) => p.name)).toEqual(['M']);
  });

  it('names people in the page’s script: the passport spelling in English, the usual one in Russian', () => {
    expect(personName(person({ nameLatin: 'Yolkina Yaroslava' }), 'en')).toBe('Yolkina Yaroslava');
    expect(personName(person({}), 'en')).toBe('Yolkina Yaroslava');
    expect(personName(person({ nameLatin: 'Yolkina Yaroslava' }), 'ru')).toBe('Ёлкина Ярослава');
    const osce = { nameEn: 'OSCE Programme Office', nameRu: null, acronym: 'OSCE', acronymRu: 'ОБСЕ' };
    expect(personAffiliation(person({ title: 'Counsellor', organisation: osce }), 'ru')).toBe('Counsellor, ОБСЕ');
    expect(personAffiliation(person({}), 'en')).toBe('');
  });

  it('shows the Russian room name on Russian pages, the English one standing in', () => {
    expect(roomName({ room: 'Main hall', roomRu: 'Большой зал' }, 'ru')).toBe('Большой зал');
    expect(roomName({ room: 'Main hall', roomRu: null }, 'ru')).toBe('Main hall');
    expect(roomName({ room: 'Main hall', roomRu: 'Большой зал' }, 'en')).toBe('Main hall');
    expect(roomName({ room: null, roomRu: null }, 'en')).toBeNull();
  });

  it('finds the items that end after the meeting', () => {
    const items = [
      { id: 'in', endsAt: at('2026-05-14T12:00:00Z') },
      { id: 'late', endsAt: at('2026-05-14T12:30:00Z') },
    ];
    expect(endsAfterMeeting(items, at('2026-05-14T12:00:00Z')).map((i) => i.id)).toEqual(['late']);
  });
});
