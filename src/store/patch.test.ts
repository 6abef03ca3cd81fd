import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { PATCH_FIELDS, parsePatch } from './patch.js';

/** The InputError message parsePatch throws for these assignments (fails if it does not throw one). */
function errorOf(assignments: string[]): string {
  try {
    parsePatch(assignments);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error(`parsePatch(${JSON.stringify(assignments)}) did not throw`);
}

describe('parsePatch: numbers', () => {
  it.each([
    ['low=10000', { low: 10000 }],
    ['low=10,000', { low: 10000 }],
    ['low=10 000', { low: 10000 }],
    ['high=1,234,567', { high: 1234567 }],
    ['high=12.5', { high: 12.5 }],
    ['low=1.5 million', { low: 1500000 }],
    ['low=2 thousand', { low: 2000 }],
    ['low=5k', { low: 5000 }],
    ['low=0.1 billion', { low: 100000000 }],
    ['low=none', { low: null }],
    ['HIGH=None', { high: null }],
  ])('%s', (assignment, patch) => {
    expect(parsePatch([assignment])).toEqual(patch);
  });

  it.each([
    'low=ten',
    'low=-5',
    'low=10,00',
    'low=1,0000',
    'low=1e6',
    'low=5 dozen',
    'low=10000abc',
    'high=99999999999999999999',
  ])('near miss %s -> InputError naming the field and the accepted forms', (assignment) => {
    const field = assignment.slice(0, assignment.indexOf('='));
    expect(errorOf([assignment])).toMatch(
      new RegExp(`^invalid ${field}: .+ \\(expected a number such as 10000, 10,000 or 1\\.5 million, or none\\)$`),
    );
  });

  it('value=N sets low = high, approx exact', () => {
    expect(parsePatch(['value=10,000'])).toEqual({ low: 10000, high: 10000, approx: 'exact' });
  });

  it.each([
    ['value=1000-2000', 1000, 2000],
    ['value=1,000 to 2,000', 1000, 2000],
    ['value=1,000 – 2,000', 1000, 2000],
    ['value=1.5-2 million', 1500000, 2000000],
    ['value=500 to 2 million', 500, 2000000],
    ['value=15,000 to 20,000', 15000, 20000],
  ])('value range %s -> low/high, approx range', (assignment, low, high) => {
    expect(parsePatch([assignment])).toEqual({ low, high, approx: 'range' });
  });

  it('near miss: a range with a bad end, or no number at all', () => {
    expect(errorOf(['value=1000-lots'])).toMatch(/^invalid value: 1000-lots \(expected a number \(10,000\) or a range/);
    expect(errorOf(['value=to'])).toMatch(/^invalid value: to /);
    expect(errorOf(['value=1000 2000'])).toMatch(/^invalid value/);
  });

  it('an explicit approx wins over the one value implies, in either order', () => {
    expect(parsePatch(['value=10,000', 'approx=about'])).toEqual({ low: 10000, high: 10000, approx: 'about' });
    expect(parsePatch(['approx=at-least', 'value=10,000'])).toEqual({ low: 10000, high: 10000, approx: 'at-least' });
  });

  it('low > high -> InputError; near miss: low = high is fine', () => {
    expect(errorOf(['low=5000', 'high=3000'])).toBe(
      'invalid low: 5000 is greater than high 3000 (expected low <= high)',
    );
    expect(errorOf(['value=3000-1000'])).toMatch(/^invalid value: 3000-1000 has low 3000 above high 1000/);
    expect(parsePatch(['low=3000', 'high=3000'])).toEqual({ low: 3000, high: 3000 });
  });
});

describe('parsePatch: keyword fields', () => {
  it.each([
    ['approx=at-most', { approx: 'at-most' }],
    ['approx=VAGUE', { approx: 'vague' }],
    ['per=year', { per: 'year' }],
    ['per=none', { per: null }],
    ['measure=arrivals', { measure: 'arrivals' }],
    ['group=students', { groupKind: 'students' }],
    ['group=none', { groupKind: null }],
    ['group_kind=refugees', { groupKind: 'refugees' }],
    ['modality=denied', { modality: 'denied' }],
  ])('%s', (assignment, patch) => {
    expect(parsePatch([assignment])).toEqual(patch);
  });

  it.each([
    ['approx=roughly', 'invalid approx: roughly (expected one of exact, about, at-least, at-most, range or vague)'],
    ['per=annually', 'invalid per: annually (expected one of year, month, week, day or none)'],
    [
      'measure=people',
      'invalid measure: people (expected one of population, arrivals, departures, share, money, count or other)',
    ],
    [
      'group=defectors',
      'invalid group: defectors (expected one of workers, students, soldiers, refugees, community, general, other or none)',
    ],
    [
      'modality=rumoured',
      'invalid modality: rumoured (expected one of asserted, estimated, reported, proposed or denied)',
    ],
  ])('near miss %s', (assignment, message) => {
    expect(errorOf([assignment])).toBe(message);
  });
});

describe('parsePatch: text fields', () => {
  it('takes unit, group_label and source as written, trimmed', () => {
    expect(
      parsePatch(['unit= USD ', 'group_label=North Korean loggers', 'source=Ukrainian intelligence (HUR)']),
    ).toEqual({ unit: 'USD', groupLabel: 'North Korean loggers', source: 'Ukrainian intelligence (HUR)' });
  });

  it('keeps an = inside the value', () => {
    expect(parsePatch(['source=a=b'])).toEqual({ source: 'a=b' });
  });

  it('none clears group_label and source; near miss: unit cannot be cleared, so none is a unit', () => {
    expect(parsePatch(['group_label=none', 'source=NONE'])).toEqual({ groupLabel: null, source: null });
    expect(parsePatch(['unit=none'])).toEqual({ unit: 'none' });
  });

  it('accepts group-label and groupLabel for group_label', () => {
    expect(parsePatch(['group-label=a'])).toEqual({ groupLabel: 'a' });
    expect(parsePatch(['groupLabel=a'])).toEqual({ groupLabel: 'a' });
  });

  it('refuses a text over 200 characters', () => {
    expect(errorOf([`source=${'x'.repeat(201)}`])).toMatch(
      /^invalid source: x{20}\.\.\. \(expected at most 200 characters\)$/,
    );
    expect(parsePatch([`source=${'x'.repeat(200)}`]).source).toHaveLength(200);
  });
});

describe('parsePatch: time', () => {
  it.each([
    ['2006', { start: '2006', end: '2006', precision: 'year', edtf: '2006' }],
    ['2006-11', { start: '2006-11', end: '2006-11', precision: 'month', edtf: '2006-11' }],
    ['2024-02-29', { start: '2024-02-29', end: '2024-02-29', precision: 'day', edtf: '2024-02-29' }],
    ['1946/1949', { start: '1946', end: '1949', precision: 'year', edtf: '1946/1949' }],
    ['2006-11/2007-02', { start: '2006-11', end: '2007-02', precision: 'month', edtf: '2006-11/2007-02' }],
    ['2006/2007-02', { start: '2006', end: '2007-02', precision: 'year', edtf: '2006/2007-02' }],
    ['1990s', { start: '1990', end: '1999', precision: 'decade', edtf: '199X' }],
    ['199X', { start: '1990', end: '1999', precision: 'decade', edtf: '199X' }],
    ['18XX', { start: '1800', end: '1899', precision: 'century', edtf: '18XX' }],
    ['1950s/1960s', { start: '1950', end: '1969', precision: 'decade', edtf: '1950/1969' }],
    ['2015/..', { start: '2015', end: null, precision: 'year', edtf: '2015/..' }],
    ['../1991', { start: null, end: '1991', precision: 'year', edtf: '../1991' }],
    ['2006~', { start: '2006', end: '2006', precision: 'year', edtf: '2006~' }],
  ])('time=%s', (value, time) => {
    expect(parsePatch([`time=${value}`])).toEqual({ time });
  });

  it('time=none clears it', () => {
    expect(parsePatch(['time=none'])).toEqual({ time: null });
  });

  it.each(['20066', '06', '2006-13', '2023-02-29', '2006-1', '1946/1949/1950', '../..', '1990s-ish', 'May 2006'])(
    'near miss time=%s',
    (value) => {
      expect(errorOf([`time=${value}`])).toBe(
        `invalid time: ${value} (expected a year (2006), month (2006-11), day (2006-11-05), decade (1990s), interval (1946/1949, 2015/..) or none)`,
      );
    },
  );

  it('an interval that ends before it starts -> InputError; near miss: a month inside its year', () => {
    expect(errorOf(['time=1949/1946'])).toMatch(/^invalid time: 1949\/1946 ends before it starts/);
    expect(parsePatch(['time=2006-05/2006']).time?.edtf).toBe('2006-05/2006');
  });
});

describe('parsePatch: place', () => {
  it('takes a gazetteer name, case-insensitive, to id, name and coordinates', () => {
    const { place } = parsePatch(['place=vladivostok']);
    expect(place).toEqual({
      id: 'city:RU:vladivostok',
      name: 'Vladivostok',
      lat: expect.any(Number),
      lon: expect.any(Number),
    });
  });

  it('takes a gazetteer id', () => {
    expect(parsePatch(['place=RU-KHA']).place).toMatchObject({ id: 'RU-KHA', name: 'Khabarovsk Krai' });
  });

  it('none clears it', () => {
    expect(parsePatch(['place=none'])).toEqual({ place: null });
  });

  it('near miss: an unknown place is an InputError naming it', () => {
    expect(errorOf(['place=Atlantis'])).toBe(
      'invalid place: Atlantis is not in the gazetteer (expected a place name such as Khabarovsk, an id such as RU-KHA, or none)',
    );
  });
});

describe('parsePatch: assignments', () => {
  it('combines several fields', () => {
    expect(parsePatch(['value=1,000 to 2,000', 'group=workers', 'time=2016', 'modality=reported'])).toEqual({
      low: 1000,
      high: 2000,
      approx: 'range',
      groupKind: 'workers',
      time: { start: '2016', end: '2016', precision: 'year', edtf: '2016' },
      modality: 'reported',
    });
  });

  it('an empty list -> InputError listing the fields', () => {
    expect(errorOf([])).toMatch(/^nothing to set: give at least one --set field=value \(fields: low, high, value,/);
  });

  it('an unknown field -> InputError listing the known ones', () => {
    expect(errorOf(['name=Kim'])).toBe(
      'unknown field in --set: "name" (expected one of low, high, value, approx, unit, per, measure, group, group_label, time, place, source or modality)',
    );
    // near miss: inherited object keys are no fields
    expect(errorOf(['constructor=x'])).toMatch(/^unknown field in --set: "constructor"/);
    expect(errorOf(['__proto__=x'])).toMatch(/^unknown field/);
  });

  it('no = or an empty value -> InputError', () => {
    expect(errorOf(['low'])).toBe('invalid --set: "low" (expected field=value, e.g. low=1000)');
    expect(errorOf(['low='])).toBe(
      'invalid low: empty value (expected a number such as 10000, 10,000 or 1.5 million, or none)',
    );
    expect(errorOf(['=5'])).toMatch(/^unknown field in --set: ""/);
  });

  it('a field given twice, or value beside low/high -> InputError', () => {
    expect(errorOf(['low=1', 'low=2'])).toBe(
      'invalid --set low: low is already set by --set low=1 (give each field once)',
    );
    expect(errorOf(['value=5', 'high=6'])).toMatch(/^invalid --set high: high is already set by --set value=5/);
    // near miss: low and high together are fine
    expect(parsePatch(['low=1', 'high=2'])).toEqual({ low: 1, high: 2 });
  });

  it('lists every field for help', () => {
    expect(PATCH_FIELDS.map((f) => f.field)).toEqual([
      'low',
      'high',
      'value',
      'approx',
      'unit',
      'per',
      'measure',
      'group',
      'group_label',
      'time',
      'place',
      'source',
      'modality',
    ]);
  });
});
