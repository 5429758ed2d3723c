import type { Locale } from './datetime';

// How a news item words a number of participants: round, and never more than is true. From 100 up, "more than" the
// hundreds below it (104 → "more than one hundred", «более ста»); from 20 to 99, "more than" the tens below it
// (99 → "more than ninety", «более девяноста»); a round number is said as it is (100 → "one hundred", «сто»); under
// 20, the exact figure. From 1,000 up, figures: "more than 1,200".

const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const EN_HUNDREDS = [
  '',
  'one hundred',
  'two hundred',
  'three hundred',
  'four hundred',
  'five hundred',
  'six hundred',
  'seven hundred',
  'eight hundred',
  'nine hundred',
];
// Nominative (said as it is) and genitive (after «более»).
const RU_TENS = [
  '',
  '',
  'двадцать',
  'тридцать',
  'сорок',
  'пятьдесят',
  'шестьдесят',
  'семьдесят',
  'восемьдесят',
  'девяносто',
];
const RU_TENS_GENITIVE = [
  '',
  '',
  'двадцати',
  'тридцати',
  'сорока',
  'пятидесяти',
  'шестидесяти',
  'семидесяти',
  'восьмидесяти',
  'девяноста',
];
const RU_HUNDREDS = [
  '',
  'сто',
  'двести',
  'триста',
  'четыреста',
  'пятьсот',
  'шестьсот',
  'семьсот',
  'восемьсот',
  'девятьсот',
];
const RU_HUNDREDS_GENITIVE = [
  '',
  'ста',
  'двухсот',
  'трёхсот',
  'четырёхсот',
  'пятисот',
  'шестисот',
  'семисот',
  'восьмисот',
  'девятисот',
];

export function participantCountWords(count: number, locale: Locale): string {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`Not a number of people: ${count}`);
  const more = locale === 'ru' ? 'более' : 'more than';
  if (count >= 1000) {
    const floor = Math.floor(count / 100) * 100;
    const figure = new Intl.NumberFormat(locale === 'ru' ? 'ru-RU' : 'en-GB').format(floor);
    return floor === count ? figure : `${more} ${figure}`;
  }
  if (count >= 100) {
    const hundreds = Math.floor(count / 100);
    if (count % 100 === 0) return (locale === 'ru' ? RU_HUNDREDS : EN_HUNDREDS)[hundreds]!;
    return `${more} ${(locale === 'ru' ? RU_HUNDREDS_GENITIVE : EN_HUNDREDS)[hundreds]!}`;
  }
  if (count >= 20) {
    const tens = Math.floor(count / 10);
    if (count % 10 === 0) return (locale === 'ru' ? RU_TENS : EN_TENS)[tens]!;
    return `${more} ${(locale === 'ru' ? RU_TENS_GENITIVE : EN_TENS)[tens]!}`;
  }
  return String(count);
}
