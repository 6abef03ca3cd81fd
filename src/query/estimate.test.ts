// Reconciliation rules on small hand-made stores: each test sets up the situation its name says.
import { afterEach, describe, expect, it } from 'vitest';
import { getPlace } from '../extract/places/index.js';
import type { Store } from '../store/types.js';
import { estimate } from './estimate.js';
import { type ClaimSpec, documentWith, storeWith } from './fixtures.js';

const RU = getPlace('RU')!;
const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});
const open = async (...docs: Parameters<typeof storeWith>) => {
  const s = await storeWith(...docs);
  stores.push(s);
  return s;
};

const workers = (low: number, more: Partial<ClaimSpec> = {}): ClaimSpec => ({
  sentence: `There were ${low.toLocaleString('en-US')} North Korean workers in Russia.`,
  quote: low.toLocaleString('en-US'),
  low,
  group: 'workers',
  label: 'North Korean workers',
  time: 2006,
  place: 'RU',
  ...more,
});

describe('estimate', () => {
  it('answers with the one claim that fits', async () => {
    const store = await open(documentWith('a', [workers(10000)]));
    const e = await estimate(store, { group: { kind: 'workers' }, place: RU, from: 2006, to: 2006 });
    expect(e.answer).toMatchObject({ kind: 'single', value: { low: 10000, high: 10000 }, unit: 'person' });
    expect(e.candidates[0]!.sentence).toContain('10,000 North Korean workers');
    expect(e.candidates[0]!.title).toBe('Document a');
  });

  it('prefers an exact year over a decade', async () => {
    const store = await open(
      documentWith('a', [workers(30000, { time: ['2000', '2009'], sentence: 'In the 2000s 30,000 workers came.' })]),
      documentWith('b', [workers(12000)]),
    );
    const e = await estimate(store, { group: { kind: 'workers' }, place: RU, from: 2006, to: 2006 });
    expect(e.answer).toMatchObject({ kind: 'single', value: { low: 12000 } });
    expect(e.candidates.map((c) => c.claim.value.low)).toEqual([12000, 30000]);
  });

  it('includes places within the asked place, the place itself first', async () => {
    const vladivostok = documentWith('v', [
      workers(3000, { place: 'city:RU:vladivostok', sentence: 'In Vladivostok 3,000 workers.' }),
    ]);
    let store = await open(vladivostok);
    let e = await estimate(store, { group: { kind: 'workers' }, place: RU, from: 2006, to: 2006 });
    expect(e.answer).toMatchObject({ kind: 'single', value: { low: 3000 } });
    store = await open(vladivostok, documentWith('r', [workers(20000)]));
    e = await estimate(store, { group: { kind: 'workers' }, place: RU, from: 2006, to: 2006 });
    expect(e.candidates[0]!.claim.value.low).toBe(20000);
    // asked about Vladivostok, a figure for all of Russia does not answer
    e = await estimate(store, {
      group: { kind: 'workers' },
      place: getPlace('city:RU:vladivostok')!,
      from: 2006,
      to: 2006,
    });
    expect(e.candidates.map((c) => c.claim.value.low)).toEqual([3000]);
  });

  it('reaches lumberjacks from workers, and prefers them when lumberjacks are asked', async () => {
    const store = await open(
      documentWith('a', [
        workers(15000, {
          label: 'North Korean lumberjacks',
          sentence: 'Some 15,000 North Korean lumberjacks worked there.',
        }),
        workers(40000, { sentence: 'In all 40,000 North Korean workers were there.', quote: '40,000' }),
      ]),
    );
    const all = await estimate(store, { group: { kind: 'workers' }, place: RU, from: 2006, to: 2006 });
    expect(all.candidates).toHaveLength(2);
    const lumberjacks = await estimate(store, {
      group: { kind: 'workers', head: 'lumberjacks' },
      place: RU,
      from: 2006,
      to: 2006,
    });
    expect(lumberjacks.answer).toMatchObject({ kind: 'single', value: { low: 15000 } });
  });

  it('takes "how many were there" as population over arrivals', async () => {
    const store = await open(
      documentWith('a', [
        workers(5000, { measure: 'arrivals', sentence: 'In 2006 5,000 workers arrived.', quote: '5,000' }),
        workers(21000, { sentence: 'In 2006 21,000 workers were in Russia.', quote: '21,000' }),
      ]),
    );
    const e = await estimate(store, {
      group: { kind: 'workers' },
      place: RU,
      from: 2006,
      to: 2006,
      measure: 'population',
    });
    expect(e.answer.value?.low).toBe(21000);
    const arrivals = await estimate(store, {
      group: { kind: 'workers' },
      place: RU,
      from: 2006,
      to: 2006,
      measure: 'arrivals',
    });
    expect(arrivals.answer.value?.low).toBe(5000);
  });

  it('flags sources whose ranges do not overlap as conflicting and answers with their span', async () => {
    const store = await open(documentWith('a', [workers(10000)]), documentWith('b', [workers(50000)]));
    const e = await estimate(store, { group: { kind: 'workers' }, place: RU, from: 2006, to: 2006 });
    expect(e.answer).toMatchObject({ kind: 'span', value: { low: 10000, high: 50000, approx: 'range' } });
    expect(e.conflicts).toHaveLength(1);
    expect(e.candidates.every((c) => c.conflictsWith.length === 1)).toBe(true);
  });

  it('does not call overlapping figures conflicting ("about 10,000" and 10,500)', async () => {
    const store = await open(
      documentWith('a', [
        workers(10000, { approx: 'about', sentence: 'About 10,000 workers.', quote: 'About 10,000' }),
      ]),
      documentWith('b', [workers(10500)]),
    );
    const e = await estimate(store, { group: { kind: 'workers' }, place: RU, from: 2006, to: 2006 });
    expect(e.conflicts).toEqual([]);
  });

  it('marks the same figure from independent sources as corroborated', async () => {
    const store = await open(documentWith('a', [workers(10000)]), documentWith('b', [workers(10000)]));
    const e = await estimate(store, { group: { kind: 'workers' }, place: RU, from: 2006, to: 2006 });
    expect(e.answer).toMatchObject({ kind: 'single', value: { low: 10000 } });
    expect(e.corroborated).toBe(true);
    expect(e.candidates[0]!.corroboratedBy).toHaveLength(1);
  });

  it('merges a figure repeated by the same document; a repeat is not corroboration', async () => {
    const store = await open(
      documentWith('a', [
        workers(10000),
        workers(10000, { sentence: 'Again, 10,000 North Korean workers in Russia.' }),
      ]),
    );
    const e = await estimate(store, { group: { kind: 'workers' }, place: RU, from: 2006, to: 2006 });
    expect(e.candidates).toHaveLength(1);
    expect(e.candidates[0]!.repeats).toHaveLength(1);
    expect(e.corroborated).toBe(false);
  });

  it('never counts a rejected claim, and counts a corrected one as corrected', async () => {
    const store = await open(documentWith('a', [workers(10000)]), documentWith('b', [workers(50000)]));
    const [wrong] = await store.claims({ document: 'b' });
    await store.addReview(wrong!.id, { action: 'reject', patch: null, note: null });
    let e = await estimate(store, { group: { kind: 'workers' }, place: RU, from: 2006, to: 2006 });
    expect(e.answer).toMatchObject({ kind: 'single', value: { low: 10000 } });
    expect(e.candidates).toHaveLength(1);
    const [right] = await store.claims({ document: 'a' });
    await store.addReview(right!.id, { action: 'correct', patch: { low: 11000, high: 11000 }, note: null });
    e = await estimate(store, { group: { kind: 'workers' }, place: RU, from: 2006, to: 2006 });
    expect(e.answer.value?.low).toBe(11000);
    expect(e.candidates[0]!.claim.status).toBe('corrected');
  });

  it('answers none rather than the nearest unrelated figure', async () => {
    const store = await open(documentWith('a', [workers(10000)]));
    const brazil = await estimate(store, { group: { kind: 'workers' }, place: getPlace('BR')!, from: 1980, to: 1980 });
    expect(brazil.answer.kind).toBe('none');
    const students = await estimate(store, { group: { kind: 'students' }, place: RU, from: 2006, to: 2006 });
    expect(students.answer.kind).toBe('none');
    const money = await estimate(store, { group: { kind: 'workers' }, measure: 'money', unit: 'money' });
    expect(money.answer.kind).toBe('none');
  });

  it('matches open-ended and multi-year claims by overlap', async () => {
    const store = await open(
      documentWith('a', [workers(8000, { time: ['1990', '2000'], sentence: 'From 1990 to 2000, 8,000 workers.' })]),
      documentWith('b', [workers(9000, { time: ['2010', null], sentence: 'Since 2010, 9,000 workers.' })]),
    );
    const e1995 = await estimate(store, { group: { kind: 'workers' }, place: RU, from: 1995, to: 1995 });
    expect(e1995.candidates.map((c) => c.claim.value.low)).toEqual([8000]);
    const e2012 = await estimate(store, { group: { kind: 'workers' }, place: RU, from: 2012, to: 2012 });
    expect(e2012.candidates.map((c) => c.claim.value.low)).toEqual([9000]);
  });

  it('asks a rate question of rates and a proposal question of proposals', async () => {
    const store = await open(
      documentWith('a', [
        workers(150000, {
          modality: 'proposed',
          group: 'refugees',
          sentence: 'The governor proposed to settle up to 150,000 refugees.',
          quote: '150,000',
          time: null,
        }),
        workers(500, { group: 'refugees', sentence: 'About 500 refugees lived there.', quote: '500', time: null }),
      ]),
    );
    const proposal = await estimate(store, { group: { kind: 'refugees' }, modality: 'proposed' });
    expect(proposal.answer.value?.low).toBe(150000);
    const fact = await estimate(store, { group: { kind: 'refugees' } });
    expect(fact.answer.value?.low).toBe(500);
  });

  it('takes a claim placed elsewhere when nothing stands in the asked place but its sentence names it', async () => {
    const proposal = (sentence: string) =>
      documentWith('a', [
        workers(150000, {
          group: 'refugees',
          place: 'CN',
          time: 2003,
          modality: 'proposed',
          sentence,
          quote: '150,000',
        }),
      ]);
    const asked = { group: { kind: 'refugees' as const }, place: RU, modality: 'proposed' as const };
    let store = await open(proposal('He suggested allowing 150,000 refugees in China to settle in Russia.'));
    const e = await estimate(store, asked);
    expect(e.answer.value?.high).toBe(150000);
    expect(e.candidates[0]!.why.join(' ')).toMatch(/its sentence names Russia/);
    store = await open(proposal('He suggested allowing 150,000 refugees in China to settle there.'));
    expect((await estimate(store, asked)).answer.kind).toBe('none');
  });
});
