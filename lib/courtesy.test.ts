import { describe, expect, it } from 'vitest';
import {
  greeting,
  nameWithCourtesy,
  nomineeCourtesy,
  parseCourtesyTitle,
  parseGrammaticalGender,
  type Addressee,
} from './courtesy';

const person = (
  name: string,
  courtesyTitle: Addressee['courtesyTitle'],
  grammaticalGender: Addressee['grammaticalGender'] = null,
) => ({
  name,
  courtesyTitle,
  grammaticalGender,
});

describe('greeting', () => {
  it('greets by courtesy title and family name, agreeing the Russian with the gender', () => {
    expect(greeting(person('Asel Omarova', 'Ms.', 'feminine'), 'en')).toBe('Dear Ms. Omarova,');
    expect(greeting(person('Асель Омарова', 'Ms.', 'feminine'), 'ru')).toBe('Уважаемая госпожа Омарова!');
    expect(greeting(person('Bakyt Mamytov', 'Mr.', 'masculine'), 'en')).toBe('Dear Mr. Mamytov,');
    expect(greeting(person('Бакыт Мамытов', 'Mr.', null), 'ru')).toBe('Уважаемый господин Мамытов!');
    expect(greeting(person('Dilnoza Karimova', 'Dr.', 'feminine'), 'ru')).toBe('Уважаемая доктор Karimova!');
    expect(greeting(person('Ivan Petrov', 'Prof.', 'masculine'), 'en')).toBe('Dear Prof. Petrov,');
  });

  it('addresses H.E. as Excellency whatever the name', () => {
    expect(greeting(person('Rashid Meredov', 'H.E.', 'masculine'), 'en')).toBe('Excellency,');
    expect(greeting(person('Рашид Мередов', 'H.E.', null), 'ru')).toBe('Ваше Превосходительство!');
  });

  it('falls back to the neutral greeting without a title, or without a gender to agree the Russian with', () => {
    expect(greeting(person('Aidana Jumaeva', null), 'en')).toBe('Dear Aidana Jumaeva,');
    expect(greeting(person('Айдана Джумаева', null, 'feminine'), 'ru')).toBe('Здравствуйте, Айдана Джумаева!');
    expect(greeting(person('Kim Lee', 'Dr.', null), 'ru')).toBe('Здравствуйте, Kim Lee!');
  });
});

describe('nameWithCourtesy', () => {
  it('prints г-н / г-жа in Russian lists and the UN title in English', () => {
    expect(nameWithCourtesy(person('Асель Омарова', 'Ms.'), 'ru')).toBe('г-жа Асель Омарова');
    expect(nameWithCourtesy(person('Бакыт Мамытов', 'Mr.'), 'ru')).toBe('г-н Бакыт Мамытов');
    expect(nameWithCourtesy(person('Dilnoza Karimova', 'Dr.', 'feminine'), 'ru')).toBe('г-жа Dilnoza Karimova');
    expect(nameWithCourtesy(person('Asel Omarova', 'Ms.'), 'en')).toBe('Ms. Asel Omarova');
    expect(nameWithCourtesy(person('Rashid Meredov', 'H.E.'), 'ru')).toBe('Е. П. Rashid Meredov');
    expect(nameWithCourtesy(person('Kim Lee', null), 'ru')).toBe('Kim Lee');
  });
});

describe('parsing', () => {
  it('takes the UN spellings with or without full stops, and refuses anything else', () => {
    expect(parseCourtesyTitle('ms')).toBe('Ms.');
    expect(parseCourtesyTitle(' H.E. ')).toBe('H.E.');
    expect(parseCourtesyTitle('Prof')).toBe('Prof.');
    expect(parseCourtesyTitle('')).toBeNull();
    expect(parseCourtesyTitle('Sir')).toBe('invalid');
    expect(parseGrammaticalGender('F')).toBe('feminine');
    expect(parseGrammaticalGender('м')).toBe('masculine');
    expect(parseGrammaticalGender('x')).toBe('invalid');
  });
});

describe('nomineeCourtesy', () => {
  it('takes the Russian agreement from Mr. or Ms. only, and nothing from a missing title', () => {
    expect(nomineeCourtesy('Ms.')).toEqual({ courtesyTitle: 'Ms.', grammaticalGender: 'feminine' });
    expect(nomineeCourtesy('Mr.')).toEqual({ courtesyTitle: 'Mr.', grammaticalGender: 'masculine' });
    expect(nomineeCourtesy('H.E.')).toEqual({ courtesyTitle: 'H.E.', grammaticalGender: null });
    expect(nomineeCourtesy('')).toEqual({ courtesyTitle: null, grammaticalGender: null });
  });
});
