import { describe, expect, it } from 'vitest';
import { roomOverlaps } from './agenda';

const at = (h: number, m = 0) => new Date(Date.UTC(2024, 4, 14, h, m));

describe('roomOverlaps', () => {
  it('finds items that share a room and time, and only those', () => {
    const overlaps = roomOverlaps([
      { id: 'a', room: 'Main hall', startsAt: at(5), endsAt: at(6) },
      { id: 'b', room: 'main hall ', startsAt: at(5, 30), endsAt: at(7) },
      { id: 'c', room: 'Room 2', startsAt: at(5, 30), endsAt: at(7) },
      { id: 'd', room: 'Main hall', startsAt: at(7), endsAt: at(8) },
      { id: 'e', room: null, startsAt: at(5), endsAt: at(8) },
    ]);
    expect(Object.fromEntries(overlaps)).toEqual({ a: ['b'], b: ['a'] });
  });
});
