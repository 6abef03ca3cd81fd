// timeline, series and diff on small hand-made stores.
import { afterEach, describe, expect, it } from 'vitest';
import { getPlace } from '../extract/places/index.js';
import type { Store } from '../store/types.js';
import { diffDocument } from './diff.js';
import { type ClaimSpec, documentWith, type EventSpec, storeWith } from './fixtures.js';
import { series } from './series.js';
import { timeline } from './timeline.js';

const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});
const open = async (...docs: Parameters<typeof storeWith>) => {
  const s = await storeWith(...docs);
  stores.push(s);
  return s;
};

const event = (sentence: string, trigger: string, more: Partial<EventSpec>): EventSpec => ({
  sentence,
  trigger,
  type: 'other',
  ...more,
});
const claim = (low: number, more: Partial<ClaimSpec> = {}): ClaimSpec => ({
  sentence: `About ${low} North Korean workers were in Russia.`,
  quote: String(low),
  low,
  group: 'workers',
  time: 2006,
  place: 'RU',
  ...more,
});

describe('timeline', () => {
  it('orders events by start, a precise date before its decade, and keeps fuzzy dates as stated', async () => {
    const store = await open(
      documentWith('a', [
        event('In the 1990s they were evacuated.', 'evacuated', { type: 'evacuation', time: ['1990', '1999'] }),
        event('In 1991 the agreement was signed.', 'agreement', { type: 'agreement', time: 1991 }),
        event('In 1990 a visit took place.', 'visit', { type: 'visit', time: 1990 }),
        event('Since 2015 workers were recruited.', 'recruited', { type: 'recruitment', time: ['2015', null] }),
        event('Once upon a time they escaped.', 'escaped', { type: 'escape', time: null }),
      ]),
    );
    const entries = await timeline(store, { claims: false });
    expect(entries.map((e) => e.text)).toEqual(['visit', 'evacuated', 'agreement', 'recruited']);
    expect(entries[1]!.time).toMatchObject({ start: '1990', end: '1999' });
    expect(entries[3]!.time).toMatchObject({ start: '2015', end: null });
    const window = await timeline(store, { from: 1995, to: 2000, claims: false });
    expect(window.map((e) => e.text)).toEqual(['evacuated']);
  });

  it('filters by place within the asked place, by type and by actor', async () => {
    const store = await open(
      documentWith('a', [
        event('Kim Jong Il made a visit to Vladivostok.', 'visit', {
          type: 'visit',
          time: 2002,
          place: 'city:RU:vladivostok',
          actors: ['Kim Jong Il'],
        }),
        event('A delegation made a visit to Beijing.', 'visit', { type: 'visit', time: 2003, place: 'CN' }),
        event('An agreement was signed in Moscow.', 'agreement', {
          type: 'agreement',
          time: 2004,
          place: 'city:RU:moscow',
        }),
      ]),
    );
    const russia = getPlace('RU')!;
    expect((await timeline(store, { place: russia, claims: false })).map((e) => e.time?.start)).toEqual([
      '2002',
      '2004',
    ]);
    expect((await timeline(store, { types: ['visit'] })).map((e) => e.time?.start)).toEqual(['2002', '2003']);
    expect((await timeline(store, { actors: ['Kim Jong Il'] })).map((e) => e.time?.start)).toEqual(['2002']);
  });
});

describe('series', () => {
  it('gives one point per figure, repeats merged, open bounds kept open', async () => {
    const store = await open(
      documentWith('a', [
        claim(10000),
        claim(10000, { sentence: 'Again 10000 North Korean workers.' }),
        claim(5000, { time: ['2010', null], approx: 'at-least', high: null, sentence: 'More than 5000 since 2010.' }),
        claim(300, { group: 'students', sentence: 'Some 300 students.' }),
      ]),
    );
    const points = await series(store, { group: 'workers' });
    expect(points.map((p) => [p.from, p.to, p.low, p.high])).toEqual([
      [2006, 2006, 10000, 10000],
      [2010, null, 5000, null],
    ]);
    expect(points[0]!.repeats).toHaveLength(1);
  });
});

describe('diff', () => {
  it('sorts a new source into new, corroborating, conflicting and consistent claims', async () => {
    const store = await open(
      documentWith('old', [claim(10000), claim(300, { group: 'students', sentence: 'Some 300 students.' })]),
      documentWith('new', [
        claim(10000, { sentence: 'Indeed 10000 North Korean workers.' }),
        claim(300, { group: 'students', approx: 'about', low: 320, quote: '320', sentence: 'Some 320 students.' }),
        claim(90000, {
          time: 2006,
          group: 'workers',
          place: 'RU',
          measure: 'arrivals',
          sentence: 'Some 90000 arrived.',
        }),
        claim(99000, { time: 1960, sentence: 'In 1960, 99000 North Korean workers.' }),
      ]),
      documentWith('rival', [claim(50000, { sentence: 'Rather 50000 North Korean workers.' })]),
    );
    const d = await diffDocument(store, 'new');
    const kinds = Object.fromEntries(d.changes.map((c) => [c.claim.text, c.kind]));
    expect(kinds).toEqual({ '10000': 'conflicts', '320': 'consistent', '90000': 'new', '99000': 'new' });
    const conflict = d.changes.find((c) => c.kind === 'conflicts')!;
    expect(conflict.others.map((o) => o.document)).toEqual(['rival']);
    const old = await diffDocument(store, 'old');
    expect(old.changes.find((c) => c.claim.text === '10000')!.kind).toBe('conflicts');
    expect(d.counts).toEqual({ new: 2, corroborates: 0, conflicts: 1, consistent: 1 });
  });
});
