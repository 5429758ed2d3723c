import { describe, expect, it } from 'vitest';
import { participantCountWords } from './participant-count';

describe('a news item’s number of participants', () => {
  it.each([
    [1, '1', '1'],
    [19, '19', '19'],
    [20, 'twenty', 'двадцать'],
    [21, 'more than twenty', 'более двадцати'],
    [40, 'forty', 'сорок'],
    [45, 'more than forty', 'более сорока'],
    [99, 'more than ninety', 'более девяноста'],
    [100, 'one hundred', 'сто'],
    [104, 'more than one hundred', 'более ста'],
    [199, 'more than one hundred', 'более ста'],
    [200, 'two hundred', 'двести'],
    [250, 'more than two hundred', 'более двухсот'],
    [1250, 'more than 1,200', 'более 1\u00a0200'],
  ])('%i → “%s”, «%s»', (count, english, russian) => {
    expect(participantCountWords(count, 'en')).toBe(english);
    expect(participantCountWords(count, 'ru')).toBe(russian);
  });

  it('refuses what is not a count of people', () => {
    expect(() => participantCountWords(-1, 'en')).toThrow(RangeError);
    expect(() => participantCountWords(2.5, 'ru')).toThrow(RangeError);
  });
});
