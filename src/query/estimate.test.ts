// Reconciliation rules on small hand-made stores: each test sets up the situation its name says.
import { afterEach, describe, expect, it } from 'vitest';
import { getPlace } from '../extract/places/index.js';
import type { Store } from '../store/types.js';
import { estimate, score, specOf } from './estimate.js';
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

  it('answers a question about money with money and one about a share with a share', async () => {
    const store = await open(
      documentWith('a', [
        workers(10000),
        workers(40, {
          sentence: 'The workers earned $40 a month in 2006.',
          quote: '$40',
          unit: 'USD',
          per: 'month',
          measure: 'money',
        }),
        workers(65, {
          sentence: 'In 2006, 65% of the workers were in Russia.',
          quote: '65%',
          unit: 'percent',
          measure: 'share',
        }),
      ]),
    );
    const ask = (measure: 'money' | 'share' | 'population') =>
      estimate(store, { group: { kind: 'workers' }, place: RU, from: 2006, to: 2006, measure });
    expect((await ask('money')).candidates.map((c) => c.claim.unit)).toEqual(['USD']);
    expect((await ask('share')).candidates.map((c) => c.claim.unit)).toEqual(['percent']);
    expect((await ask('population')).candidates.map((c) => c.claim.unit)).toEqual(['person']);
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

describe('estimate reads the best-bounded parts first', () => {
  // mulberry32: the same store and questions every run
  const random = (seed: number) => () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const r = random(2006);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const PLACES = ['RU', 'RU', 'RU-PRI', 'city:RU:vladivostok', 'RU-KHA', 'RU-SAK', 'KP', 'CN', 'KZ'];
  const KINDS = ['workers', 'workers', 'general', 'students', 'refugees', 'soldiers', 'community'] as const;
  const MEASURES = ['population', 'population', 'arrivals', 'departures', 'count'] as const;
  const time = (): ClaimSpec['time'] => {
    const y = 1998 + Math.floor(r() * 10);
    const shape = r();
    if (shape < 0.55) return y;
    if (shape < 0.7) return [`${Math.floor(y / 10) * 10}`, `${Math.floor(y / 10) * 10 + 9}`];
    if (shape < 0.85) return [`${y - 1 - Math.floor(r() * 8)}`, `${y}`];
    if (shape < 0.92) return [`${y}`, null];
    return [null, `${y}`];
  };
  const docs = Array.from({ length: 30 }, (_, d) =>
    documentWith(
      `doc${d}`,
      Array.from({ length: 50 }, () => {
        const low = 100 + Math.floor(r() * 100_000);
        const quote = low.toLocaleString('en-US');
        const group = pick(KINDS);
        return {
          sentence: `Some ${quote} people were there.`,
          quote,
          low,
          group,
          // a few labels name a head a question may ask for ("loggers"): fits of 0.75 tie across parts
          label: group === 'workers' && r() < 0.3 ? pick(['loggers', 'North Korean lumberjacks']) : group,
          measure: pick(MEASURES),
          time: time(),
          place: pick(PLACES),
          source: r() < 0.5 ? pick(['the ministry', 'a study', 'the press']) : null,
          modality: r() < 0.1 ? 'proposed' : 'asserted',
          approx: r() < 0.2 ? 'about' : 'exact',
        } satisfies ClaimSpec;
      }),
    ),
  );

  it("ranks in the store with score()'s numbers, to the last bit, whatever the question", async () => {
    // every factor: units, rates, modalities, vague amounts, carried values, open years
    const claims = Array.from({ length: 400 }, (_, k): ClaimSpec => {
      const low = 1 + Math.floor(r() * 90);
      const quote = String(low);
      const group = r() < 0.1 ? null : pick(KINDS);
      return {
        sentence: `Some ${quote} were there.`,
        quote,
        low,
        unit: pick(['person', 'person', 'percent', 'USD']),
        per: pick([null, null, 'year', 'month']),
        group,
        label: pick(['loggers', 'North Korean lumberjacks', 'workers', 'logger camps']),
        measure: pick([...MEASURES, 'share', 'money'] as const),
        time: k % 9 === 0 ? null : time(),
        place: r() < 0.1 ? null : pick(PLACES),
        modality: pick(['asserted', 'asserted', 'estimated', 'proposed', 'denied'] as const),
        approx: pick(['exact', 'about', 'vague'] as const),
        implied: { group: r() < 0.2, place: r() < 0.2, time: r() < 0.2 },
      };
    });
    const store = await open(documentWith('mixed', claims));
    const known = new Map((await store.knownPlaces()).map((p) => [p.id, p]));
    const placeIds = [...known.keys()];
    let compared = 0;
    for (let i = 0; i < 60; i++) {
      const from = r() < 0.2 ? null : 1996 + Math.floor(r() * 12);
      const query = {
        group: r() < 0.15 ? null : { kind: pick(KINDS), head: r() < 0.4 ? pick(['loggers', 'lumberjacks']) : null },
        place: r() < 0.15 ? null : getPlace(pick(['RU', 'RU-PRI', 'KP', 'CN']))!,
        from,
        to: r() < 0.2 ? null : (from ?? 2000) + Math.floor(r() * 6),
        measure: pick([...MEASURES, 'share', 'money', null] as const),
        per: pick([undefined, undefined, null, 'year', 'month'] as const),
        modality: pick([null, null, 'proposed', 'estimated'] as const),
        unit: pick([null, null, 'person', 'percent', 'money'] as const),
      };
      const fit = specOf(query, { placeIds }, known);
      const ranked = await store.bestFacts!({}, { fit, limit: 1000, minFit: 0 });
      expect(ranked).toHaveLength(claims.length);
      for (const { facts, fit: stored } of ranked) {
        expect(stored, `${JSON.stringify(query)} ${JSON.stringify(facts)}`).toBe(score(facts, query, known));
        if (stored > 0) compared++;
      }
    }
    expect(compared).toBeGreaterThan(300);
  });

  it('gives the same candidates, in the same order, as reading every claim', async () => {
    const store = await open(...docs);
    let long = 0;
    for (let i = 0; i < 40; i++) {
      const from = 1998 + Math.floor(r() * 10);
      const kind = pick(['general', 'general', 'workers', 'workers', 'refugees'] as const);
      const query = {
        group: { kind, head: kind === 'workers' && r() < 0.6 ? pick(['loggers', 'lumberjacks']) : null },
        place: getPlace(pick(['RU', 'RU', 'RU-PRI', 'KP']))!,
        from,
        to: from + (r() < 0.7 ? 0 : Math.floor(r() * 12)),
        measure: pick([...MEASURES, null]),
      };
      // 20 candidates at most, so the cut falls inside what the questions find; pages of 7
      // claims, so reading stops inside parts too
      // the store ranks part by part, or in one go; here too, ranking in JS page by page
      const fast = await estimate(store, query, { limit: 20, few: 0 });
      expect((await estimate(store, query, { limit: 20, page: 7, few: 0, inStore: false })).candidates).toEqual(
        fast.candidates,
      );
      expect((await estimate(store, query, { limit: 20, inStore: false })).candidates).toEqual(fast.candidates);
      // read at once when few (these stores are small: most questions are)
      expect((await estimate(store, query, { limit: 20 })).candidates).toEqual(fast.candidates);
      const full = await estimate(store, query, { exhaustive: true, limit: 20 });
      expect(
        fast.candidates.map((c) => [c.claim.id, c.fit]),
        JSON.stringify(query),
      ).toEqual(full.candidates.map((c) => [c.claim.id, c.fit]));
      expect(fast.answer).toEqual(full.answer);
      expect(fast.conflicts).toEqual(full.conflicts);
      if ((await estimate(store, query, { exhaustive: true })).candidates.length > 20) long++;
    }
    // the comparison must include questions where the cut matters
    expect(long).toBeGreaterThan(10);
  });
});

describe('estimate ranks claims that fit equally well by the part they were read from', () => {
  // Asked "loggers in Russia in 2006": a claim of plain workers in 2006 fits 0.75 (no head), and so
  // does one of loggers over 2005-2006 (half its years asked). The first is read from the part of
  // claims inside the asked years, the second from the part reaching outside them (bound 0.75).
  const outside = workers(3000, { label: 'North Korean loggers', time: ['2005', '2006'] });
  const plain = (low: number) => workers(low, { label: 'North Korean workers' });
  const query = { group: { kind: 'workers' as const, head: 'loggers' }, place: RU, from: 2006, to: 2006 };

  it('puts the earlier part first on a tie, whatever the document order, as reading everything does', async () => {
    const store = await open(documentWith('a', [outside]), documentWith('b', [plain(1000), plain(2000)]));
    const fast = await estimate(store, query, { limit: 2, few: 0 });
    const full = await estimate(store, query, { limit: 2, exhaustive: true });
    expect(fast.candidates.map((c) => c.fit)).toEqual([0.75, 0.75]);
    expect(fast.candidates.map((c) => c.claim.value.low)).toEqual([1000, 2000]);
    expect(full.candidates.map((c) => c.claim.id)).toEqual(fast.candidates.map((c) => c.claim.id));
  });

  it('does not read a part whose bound the weakest claim held already reaches', async () => {
    const store = await open(documentWith('a', [outside]), documentWith('b', [plain(1000), plain(2000)]));
    const read: boolean[] = [];
    const claims = store.claimFacts.bind(store);
    store.claimFacts = async (f) => {
      read.push(f?.within ?? true);
      return claims(f);
    };
    const js = { inStore: false };
    await estimate(store, query, { limit: 2, few: 0, ...js });
    expect(read).not.toContain(false);
    // with room for a third candidate it is read, and found
    read.length = 0;
    expect(
      (await estimate(store, query, { limit: 3, few: 0, ...js })).candidates.map((c) => c.claim.value.low),
    ).toEqual([1000, 2000, 3000]);
    expect(read).toContain(false);
    // so few claims are read in one go, and rank the same
    read.length = 0;
    expect((await estimate(store, query, { limit: 2, ...js })).candidates.map((c) => c.claim.value.low)).toEqual([
      1000, 2000,
    ]);
    expect(read).toEqual([true]);
  });

  it('does not ask the store to rank a part whose bound the weakest claim held already reaches', async () => {
    const store = await open(documentWith('a', [outside]), documentWith('b', [plain(1000), plain(2000)]));
    const asked: (boolean | undefined)[] = [];
    const best = store.bestFacts!.bind(store);
    store.bestFacts = async (f, rank) => {
      asked.push(f.within);
      return best(f, rank);
    };
    await estimate(store, query, { limit: 2, few: 0 });
    expect(asked).not.toContain(false);
    asked.length = 0;
    expect((await estimate(store, query, { limit: 3, few: 0 })).candidates.map((c) => c.claim.value.low)).toEqual([
      1000, 2000, 3000,
    ]);
    expect(asked).toContain(false);
    // few probes: one statement for the whole question, its parts only breaking ties
    asked.length = 0;
    expect((await estimate(store, query, { limit: 2 })).candidates.map((c) => c.claim.value.low)).toEqual([1000, 2000]);
    expect(asked).toEqual([undefined]);
  });

  it('counts first only a question of few index probes (places x kinds x measures)', async () => {
    const store = await open(documentWith('a', [outside]), documentWith('b', [plain(1000), plain(2000)]));
    const counted: unknown[] = [];
    const count = store.countClaims.bind(store);
    store.countClaims = async (f, o) => {
      counted.push(f);
      return count(f, o);
    };
    // workers of the population, one place: 1 x 1 x 2 probes, counted, and read in one go
    const one = { ...query, place: { ...RU, id: 'RU-PRI', name: 'Primorsky Krai' }, measure: 'arrivals' as const };
    await estimate(store, one, { limit: 2, inStore: false });
    expect(counted).toHaveLength(1);
    // "general" in Russia: every kind, measure and place within, read part by part uncounted
    counted.length = 0;
    const general = await estimate(
      store,
      { ...query, group: { kind: 'general' as const, head: null } },
      { limit: 2, inStore: false },
    );
    expect(counted).toHaveLength(0);
    const full = await estimate(
      store,
      { ...query, group: { kind: 'general' as const, head: null } },
      { limit: 2, exhaustive: true },
    );
    expect(general.candidates.map((c) => c.claim.id)).toEqual(full.candidates.map((c) => c.claim.id));
  });
});
