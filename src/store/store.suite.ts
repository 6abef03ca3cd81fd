/**
 * The store contract as one vitest suite, run against every backend (sqlite.test.ts,
 * postgres.test.ts). Inputs are built by hand, small enough to read: one short document about
 * North Korean workers with five claims, two events, four places and an entity.
 */
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError, NotFoundError, StoreError } from '../errors.js';
import type { ClaimJson, EventJson } from '../extract/index.js';
import { CLAIM_COLUMNS, claimValues, factsOf } from './rows.js';
import type { ClaimRecord, DocumentInput, PlaceRecord, SentenceRecord, Store } from './types.js';

/** a store location at an older schema version, reached through the driver directly */
export interface LegacyStore {
  /** runs one statement on a connection of its own, `?` for each bound value; works before and after open() */
  exec(sql: string, params?: unknown[]): Promise<void>;
  /** opens it as a user would: through openStore, which migrates */
  open(): Promise<Store>;
}

export interface SuiteHooks {
  /** a fresh, empty location migrated only up to `version` */
  createAt(version: number): Promise<LegacyStore>;
}

const LATEST = 6;

const PLACES: PlaceRecord[] = [
  { id: 'city:RU:vladivostok', name: 'Vladivostok', kind: 'city', lat: 43.12, lon: 131.9, parents: ['RU-PRI', 'RU'] },
  { id: 'RU-KHA', name: 'Khabarovsk Krai', kind: 'region', lat: 50.6, lon: 135.2, parents: ['RU'] },
  { id: 'city:RU:moscow', name: 'Moscow', kind: 'city', lat: 55.75, lon: 37.62, parents: ['RU'] },
  { id: 'RU', name: 'Russia', kind: 'country', lat: 60, lon: 100, parents: [] },
];

const placeJson = (id: string) => {
  const p = PLACES.find((x) => x.id === id)!;
  return { name: p.name, lat: p.lat, lon: p.lon, id: p.id };
};

const BODY = [
  'In 2015 about 10,000 North Korean workers lived in Vladivostok.',
  'By 2019 the number had fallen to 3,000, according to the Ministry of Labour.',
  'Some 1,500 students arrived in Khabarovsk Krai from 1960 onwards.',
  'In 1966 or 1967, 200 refugees escaped to Moscow.',
  'Some 40% of them were women.',
];
const TEXT = `= North Koreans in Russia =\n${BODY.join(' ')}\n`;

/** spans and sentences of a text built from BODY-like sentences (each ends with ". ") */
function sentencesOf(text: string): Omit<SentenceRecord, 'text'>[] {
  const out: Omit<SentenceRecord, 'text'>[] = [];
  const bodyStart = text.indexOf('\n') + 1;
  let start = bodyStart;
  for (let at = text.indexOf('.', start); at !== -1; at = text.indexOf('.', start)) {
    // "10,000." style figures do not occur in the test text: every '.' ends a sentence
    out.push({ index: out.length, start, end: at + 1, section: 0 });
    start = at + 2;
  }
  return out;
}

/** the claims of whichever of BODY's sentences `text` still holds, found by their quotes */
function claimsOf(text: string): (ClaimJson & { sentenceIndex: number })[] {
  const sentences = sentencesOf(text);
  const at = (quote: string): { span: [number, number]; sentenceIndex: number; sentence: [number, number] } | null => {
    const start = text.indexOf(quote);
    if (start < 0) return null;
    const s = sentences.find((x) => x.start <= start && start < x.end)!;
    return { span: [start, start + quote.length], sentenceIndex: s.index, sentence: [s.start, s.end] };
  };
  const claims: (ClaimJson & { sentenceIndex: number })[] = [];
  const add = (quote: string, rest: Omit<ClaimJson, 'span' | 'sentence' | 'text'>) => {
    const where = at(quote);
    if (where) claims.push({ ...where, text: quote, ...rest });
  };
  add('about 10,000', {
    measure: 'population',
    value: { low: 10000, high: 10000, approx: 'about' },
    unit: 'person',
    per: null,
    group: { kind: 'workers', label: 'North Korean workers' },
    time: { start: '2015', end: '2015', edtf: '2015', precision: 'year' },
    place: placeJson('city:RU:vladivostok'),
    source: null,
    modality: 'estimated',
    rule: 'count: hedged',
  });
  add('3,000', {
    measure: 'population',
    value: { low: 3000, high: 3000, approx: 'exact' },
    unit: 'person',
    per: null,
    group: { kind: 'workers', label: 'North Korean workers', implied: 'previous sentence' },
    time: { start: '2019', end: '2019', edtf: '2019', precision: 'year' },
    place: { ...placeJson('city:RU:vladivostok'), implied: 'previous sentence' },
    source: 'the Ministry of Labour',
    modality: 'reported',
    rule: 'count',
  });
  add('1,500', {
    measure: 'arrivals',
    value: { low: 1500, high: 1500, approx: 'about' },
    unit: 'person',
    per: null,
    group: { kind: 'students', label: 'students' },
    time: { start: '1960', end: null, edtf: '1960/..', precision: 'year' },
    place: placeJson('RU-KHA'),
    source: null,
    modality: 'asserted',
    rule: 'count',
  });
  add('200', {
    measure: 'departures',
    value: { low: 200, high: 200, approx: 'exact' },
    unit: 'person',
    per: null,
    group: { kind: 'refugees', label: 'refugees' },
    time: { start: '1966', end: '1967', edtf: '1966/1967', precision: 'year', implied: 'document' },
    place: placeJson('city:RU:moscow'),
    source: null,
    modality: 'asserted',
    rule: 'count',
  });
  add('40%', {
    measure: 'share',
    value: { low: 40, high: 40, approx: 'about' },
    unit: 'percent',
    per: null,
    group: null,
    time: null,
    place: null,
    source: null,
    modality: 'asserted',
    rule: 'percent',
  });
  return claims;
}

function eventsOf(text: string): (EventJson & { sentenceIndex: number })[] {
  const sentences = sentencesOf(text);
  const out: (EventJson & { sentenceIndex: number })[] = [];
  const add = (quote: string, rest: Omit<EventJson, 'span' | 'sentence' | 'text'>) => {
    const start = text.indexOf(quote);
    if (start < 0) return;
    const s = sentences.find((x) => x.start <= start && start < x.end)!;
    out.push({
      span: [start, start + quote.length],
      text: quote,
      sentence: [s.start, s.end],
      sentenceIndex: s.index,
      ...rest,
    });
  };
  add('arrived', {
    type: 'study',
    time: { start: '1960', end: null, edtf: '1960/..', precision: 'year' },
    place: placeJson('RU-KHA'),
    actors: ['students'],
  });
  add('escaped', {
    type: 'escape',
    time: { start: '1966', end: '1967', edtf: '1966/1967', precision: 'year', implied: 'document' },
    place: placeJson('city:RU:moscow'),
    actors: ['refugees'],
  });
  return out;
}

/** a document input for `text`, as ingest would build it */
function documentOf(id: string, text = TEXT, extractor = 'test-1'): DocumentInput {
  return {
    id,
    title: 'North Koreans in Russia',
    source: 'https://example.org/nk',
    date: '2024-05-01',
    licence: 'CC BY-SA 4.0',
    format: 'mediawiki',
    hash: createHash('sha256').update(text).digest('hex'),
    path: `corpus/${id}.txt`,
    extractor,
    text,
    sections: [{ index: 0, title: 'North Koreans in Russia', level: 1, start: 0, end: text.length, parent: null }],
    sentences: sentencesOf(text),
    claims: claimsOf(text),
    events: eventsOf(text),
    places: PLACES,
    entities: [
      { name: 'Ministry of Labour', kind: 'organization', count: 1 },
      { name: 'Ministry of Labour', kind: 'organization', count: 1 },
    ],
  };
}

/** the claim records a document's input should read back as, before any review */
function expectedClaims(input: DocumentInput): Omit<ClaimRecord, 'id'>[] {
  return input.claims.map(({ sentenceIndex, ...json }) => ({
    ...json,
    document: input.id,
    sentenceIndex,
    status: 'machine' as const,
    machine: null,
  }));
}

async function claimOnIn(store: Store, quote: string): Promise<ClaimRecord> {
  const found = (await store.claims()).find((c) => c.text.includes(quote));
  if (!found) throw new Error(`no claim on ${quote}`);
  return found;
}

const withoutIds = <T extends { id: string }>(records: T[]): Omit<T, 'id'>[] => records.map(({ id, ...rest }) => rest);

export function storeSuite(name: string, makeStore: () => Promise<Store>, hooks: SuiteHooks): void {
  describe(`${name} store`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => {
      await store.close();
    });

    const claimOn = (quote: string) => claimOnIn(store, quote);

    describe('documents', () => {
      it('puts a document and reads back everything as written', async () => {
        const input = documentOf('nk');
        const result = await store.putDocument(input);
        expect(result).toEqual({
          id: 'nk',
          status: 'added',
          claims: 5,
          events: 2,
          reviews: { applied: 0, orphaned: 0 },
        });

        const doc = await store.getDocument('nk');
        expect(doc).toMatchObject({
          id: 'nk',
          title: input.title,
          source: input.source,
          date: input.date,
          licence: input.licence,
          format: input.format,
          hash: input.hash,
          path: input.path,
          extractor: input.extractor,
          text: TEXT,
          length: TEXT.length,
          claims: 5,
          events: 2,
        });
        expect(Date.parse(doc!.ingestedAt)).not.toBeNaN();
        expect(await store.documentState('nk')).toEqual({ hash: input.hash, extractor: 'test-1' });
        expect(await store.documentState('missing')).toBeNull();
        expect(await store.getDocument('missing')).toBeNull();

        expect(await store.sections('nk')).toEqual(input.sections);
        const sentences = await store.sentences('nk');
        expect(sentences).toEqual(input.sentences.map((s) => ({ ...s, text: TEXT.slice(s.start, s.end) })));
        expect(sentences[1]!.text).toBe(BODY[1]);

        // implied markers included: a stored claim reads back as the claim written
        const claims = await store.claims({ document: 'nk' });
        expect(withoutIds(claims)).toStrictEqual(expectedClaims(input));
        for (const c of claims) expect(c.id).toMatch(/^nk:[0-9a-f]{10}$/);
        expect(await store.getClaim(claims[1]!.id)).toStrictEqual(claims[1]);
        expect(await store.getClaim('nk:0000000000')).toBeNull();

        const events = await store.events({ document: 'nk' });
        expect(events.map(({ id, document, ...e }) => e)).toStrictEqual(input.events);
        expect(events.every((e) => e.document === 'nk' && e.id.startsWith('nk:e'))).toBe(true);

        expect(await store.entities('nk')).toEqual([
          { document: 'nk', name: 'Ministry of Labour', kind: 'organization', count: 2 },
        ]);
        expect(await store.entities()).toHaveLength(1);
      });

      it('lists documents with their counts', async () => {
        await store.putDocument(documentOf('b'));
        await store.putDocument(documentOf('a', TEXT.replace(` ${BODY[4]}`, '')));
        const list = await store.listDocuments();
        expect(list.map((d) => [d.id, d.claims, d.events])).toEqual([
          ['a', 4, 2],
          ['b', 5, 2],
        ]);
        expect(list[0]).not.toHaveProperty('text');
      });

      it('leaves an unchanged document alone (same hash and extractor) unless forced', async () => {
        await store.putDocument(documentOf('nk'));
        const before = await store.getDocument('nk');
        const ids = (await store.claims()).map((c) => c.id);
        await new Promise((r) => setTimeout(r, 5));
        expect(await store.putDocument(documentOf('nk'))).toEqual({
          id: 'nk',
          status: 'unchanged',
          claims: 5,
          events: 2,
          reviews: { applied: 0, orphaned: 0 },
        });
        expect((await store.getDocument('nk'))!.ingestedAt).toBe(before!.ingestedAt);
        expect((await store.claims()).map((c) => c.id)).toEqual(ids);

        // a new extractor re-extracts the same text
        expect((await store.putDocument(documentOf('nk', TEXT, 'test-2'))).status).toBe('replaced');
        expect((await store.putDocument(documentOf('nk', TEXT, 'test-2'), { force: true })).status).toBe('replaced');
        expect((await store.claims()).map((c) => c.id)).toEqual(ids);
        expect(await store.integrityCheck()).toEqual([]);
      });

      it('replaces a changed document: old claims gone, counts right', async () => {
        await store.putDocument(documentOf('nk'));
        await store.putDocument(documentOf('other'));
        const edited = TEXT.replace(` ${BODY[3]}`, '').replace('1,500', '2,500');
        const result = await store.putDocument(documentOf('nk', edited));
        expect(result).toMatchObject({ status: 'replaced', claims: 3, events: 1 });
        const doc = await store.getDocument('nk');
        expect(doc).toMatchObject({ text: edited, length: edited.length, claims: 3, events: 1 });
        expect((await store.claims({ document: 'nk' })).map((c) => c.text)).toEqual(['about 10,000', '3,000', '40%']);
        expect(await store.countClaims({ document: 'nk' })).toBe(3);
        expect(await store.countClaims()).toBe(8);
        expect((await store.sentences('nk')).map((s) => s.text)).not.toContain(BODY[3]);
        expect((await store.search('escaped')).map((h) => h.document)).toEqual(['other']);
        expect(await store.integrityCheck()).toEqual([]);
      });

      it('writes all or nothing: a failure midway leaves the old version intact', async () => {
        const v1 = documentOf('nk');
        await store.putDocument(v1);
        const claimsBefore = await store.claims({ document: 'nk' });
        const edited = TEXT.replace('Moscow', 'Leningrad');
        const bad = documentOf('nk', edited);
        // the last claim breaks a table constraint after the document, its sentences and the
        // first claims were written
        bad.claims[bad.claims.length - 1]!.span = [9, 3];
        await expect(store.putDocument(bad)).rejects.toThrow(StoreError);

        expect(await store.getDocument('nk')).toMatchObject({ hash: v1.hash, text: TEXT, claims: 5, events: 2 });
        expect(await store.claims({ document: 'nk' })).toStrictEqual(claimsBefore);
        expect((await store.sentences('nk')).map((s) => s.text)).toContain(BODY[3]);
        expect(await store.search('Leningrad')).toEqual([]);

        // a new document that fails leaves no trace at all
        const fresh = documentOf('new', edited);
        fresh.claims[fresh.claims.length - 1]!.span = [9, 3];
        await expect(store.putDocument(fresh)).rejects.toThrow(/cannot store document new/);
        expect(await store.getDocument('new')).toBeNull();
        expect(await store.sentences('new')).toEqual([]);
        expect(await store.countClaims({ document: 'new' })).toBe(0);
        expect((await store.listDocuments()).map((d) => d.id)).toEqual(['nk']);
        expect(await store.integrityCheck()).toEqual([]);
      });

      it('deletes a document and keeps its reviews, orphaned', async () => {
        await store.putDocument(documentOf('nk'));
        await store.putDocument(documentOf('other'));
        await store.addReview((await claimOn('3,000')).id, { action: 'reject', patch: null, note: 'double count' });
        expect(await store.deleteDocument('nk')).toBe(true);
        expect(await store.deleteDocument('nk')).toBe(false);
        expect(await store.getDocument('nk')).toBeNull();
        expect(await store.claims({ document: 'nk' })).toEqual([]);
        expect(await store.events({ document: 'nk' })).toEqual([]);
        expect(await store.sentences('nk')).toEqual([]);
        expect(await store.entities('nk')).toEqual([]);
        const reviews = await store.reviews({ document: 'nk' });
        expect(reviews).toHaveLength(1);
        expect(reviews[0]).toMatchObject({ state: 'orphaned', claim: null, note: 'double count' });
        expect(await store.countClaims()).toBe(5);
        expect(await store.integrityCheck()).toEqual([]);

        // putting it back re-applies the review
        expect((await store.putDocument(documentOf('nk'))).reviews).toEqual({ applied: 1, orphaned: 0 });
        expect((await claimOn('3,000')).status).toBe('rejected');
      });
    });

    describe('queries', () => {
      beforeEach(async () => {
        await store.putDocument(documentOf('nk'));
      });

      const texts = (claims: ClaimRecord[]) => claims.map((c) => c.text);

      it('filters claims by measure, group kind and place', async () => {
        expect(texts(await store.claims({ measure: 'population' }))).toEqual(['about 10,000', '3,000']);
        expect(texts(await store.claims({ measure: ['arrivals', 'share'] }))).toEqual(['1,500', '40%']);
        expect(texts(await store.claims({ groupKind: 'workers', measure: 'population' }))).toHaveLength(2);
        expect(texts(await store.claims({ groupKind: ['students', 'refugees'] }))).toEqual(['1,500', '200']);
        expect(texts(await store.claims({ placeIds: ['city:RU:vladivostok', 'RU-KHA'] }))).toEqual([
          'about 10,000',
          '3,000',
          '1,500',
        ]);
        expect(await store.claims({ placeIds: [] })).toEqual([]);
        expect(await store.claims({ document: 'nope' })).toEqual([]);
      });

      it('filters claims by overlapping years, open-ended times included and timeless ones left out', async () => {
        // times: 2015, 2019, 1960.., 1966/1967, none
        expect(texts(await store.claims({ from: 2016 }))).toEqual(['3,000', '1,500']);
        expect(texts(await store.claims({ to: 1965 }))).toEqual(['1,500']);
        expect(texts(await store.claims({ from: 1967, to: 1967 }))).toEqual(['1,500', '200']);
        expect(texts(await store.claims({ from: 2015, to: 2015 }))).toEqual(['about 10,000', '1,500']);
        expect(texts(await store.claims({ from: 1900, to: 1950 }))).toEqual([]);
        expect(await store.countClaims({ from: 1000 })).toBe(4);
        await expect(store.claims({ from: 2015.5 })).rejects.toThrow(InputError);
      });

      it('splits overlapping claims into those inside the years and those reaching outside', async () => {
        expect(texts(await store.claims({ from: 1966, to: 1967, within: true }))).toEqual(['200']);
        // "since 1960" is open-ended: it always reaches outside
        expect(texts(await store.claims({ from: 1966, to: 1967, within: false }))).toEqual(['1,500']);
        expect(texts(await store.claims({ from: 2015, to: 2019, within: true }))).toEqual(['about 10,000', '3,000']);
        expect(texts(await store.claims({ from: 1967, to: 1967, within: true }))).toEqual([]);
        expect(await store.countClaims({ from: 1967, to: 1967, within: false })).toBe(2);
        // without both bounds it is no filter
        expect(await store.countClaims({ from: 1000, within: true })).toBe(4);
      });

      it('filters claims by source, case-insensitively and as plain text', async () => {
        expect(texts(await store.claims({ source: 'MINISTRY of' }))).toEqual(['3,000']);
        expect(await store.claims({ source: '%' })).toEqual([]);
        expect(await store.claims({ source: "'; DROP TABLE claims; --" })).toEqual([]);
      });

      it('filters claims by status', async () => {
        await store.addReview((await claimOn('200')).id, { action: 'reject', patch: null, note: null });
        expect(texts(await store.claims({ status: 'rejected' }))).toEqual(['200']);
        expect(await store.countClaims({ status: ['machine', 'accepted'] })).toBe(4);
      });

      it('pages claims in document order and counts them', async () => {
        const all = texts(await store.claims());
        expect(all).toEqual(['about 10,000', '3,000', '1,500', '200', '40%']);
        expect(texts(await store.claims({ limit: 2 }))).toEqual(all.slice(0, 2));
        expect(texts(await store.claims({ limit: 2, offset: 2 }))).toEqual(all.slice(2, 4));
        expect(texts(await store.claims({ offset: 4 }))).toEqual(all.slice(4));
        expect(await store.claims({ limit: 0 })).toEqual([]);
        expect(await store.countClaims()).toBe(5);
        expect(await store.countClaims({ measure: 'population', limit: 1 })).toBe(2);
        // a capped count stops at the cap
        expect(await store.countClaims({}, { atMost: 2 })).toBe(2);
        expect(
          await store.countClaims({ from: 1966, to: 1967, groupKind: 'students', measure: 'arrivals' }, { atMost: 9 }),
        ).toBe(1);
        expect(await store.countClaims({}, { atMost: 100 })).toBe(5);
        await expect(store.countClaims({}, { atMost: -1 })).rejects.toThrow(/invalid limit: -1/);
        await expect(store.claims({ limit: -1 })).rejects.toThrow(/invalid limit: -1/);
      });

      it('reads the facts of each claim as the claim states them, field by field', async () => {
        // factsOf is written through the same reader as the store's rows; this holds the reader
        // itself to the claims (implied markers, open and missing years among them)
        const year = (d: string | null | undefined) => (d ? Number.parseInt(d.slice(0, 4), 10) : null);
        for (const c of await store.claims()) {
          expect(await store.claimFacts({ ids: [c.id] })).toEqual([
            {
              id: c.id,
              document: c.document,
              sentenceIndex: c.sentenceIndex,
              spanStart: c.span[0],
              measure: c.measure,
              unit: c.unit,
              per: c.per,
              groupKind: c.group?.kind ?? null,
              groupLabel: c.group?.label ?? null,
              groupImplied: c.group?.implied != null,
              placeId: c.place?.id ?? null,
              placeImplied: c.place?.implied != null,
              hasTime: c.time !== null,
              yearFrom: year(c.time?.start),
              yearTo: year(c.time?.end),
              timeImplied: c.time?.implied != null,
              modality: c.modality,
              approx: c.value.approx,
            },
          ]);
        }
      });

      it('reads the facts of claims: the same claims, order and paging as claims(), what ranks them and nothing else', async () => {
        // a corrected claim's facts are its corrected values
        await store.addReview((await claimOn('3,000')).id, {
          action: 'correct',
          patch: { measure: 'arrivals' },
          note: null,
        });
        for (const filter of [{}, { from: 1966, to: 1967 }, { measure: 'population' as const, limit: 1, offset: 1 }]) {
          const claims = await store.claims(filter);
          expect(await store.claimFacts(filter)).toEqual(claims.map(factsOf));
          // unordered: the same facts (a page with an offset is still taken in document order)
          const unordered = await store.claimFacts(filter, { ordered: false });
          const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
          if (filter.limit === undefined) expect([...unordered].sort(byId)).toEqual(claims.map(factsOf).sort(byId));
          else expect(unordered).toEqual(claims.map(factsOf));
        }
        // unordered with a limit: that many of them, whichever
        const all = (await store.claims({ from: 1900, to: 2100 })).map(factsOf);
        const some = await store.claimFacts({ from: 1900, to: 2100, limit: 2 }, { ordered: false });
        expect(all.length).toBeGreaterThan(2);
        expect(some).toHaveLength(2);
        for (const f of some) expect(all).toContainEqual(f);
        const facts = await store.claimFacts({ from: 1960, to: 1960 });
        // "since 1960": open end as null, a time all the same; carried times and places flagged
        expect(facts.map((f) => [f.yearFrom, f.yearTo, f.hasTime])).toEqual([[1960, null, true]]);
        expect((await store.claimFacts({ measure: 'arrivals' })).map((f) => f.measure)).toEqual([
          'arrivals',
          'arrivals',
        ]);
        const ids = (await store.claims()).map((c) => c.id);
        expect((await store.claims({ ids: [ids[3]!, ids[0]!, 'nope'] })).map((c) => c.id)).toEqual([ids[0], ids[3]]);
        expect(await store.claims({ ids: [] })).toEqual([]);
        // with sentences and citations, as sentenceTexts and citations give them
        const filter = { ids: [ids[3]!, ids[0]!, ids[1]!], limit: 2 };
        const cited = await store.claimsCited(filter);
        const claims = await store.claims(filter);
        expect(cited.map((c) => c.claim)).toEqual(claims);
        const texts = await store.sentenceTexts(claims);
        const cites = await store.citations(claims.map((c) => c.document));
        expect(cited.map((c) => [c.sentence, c.title, c.source])).toEqual(
          claims.map((c) => [
            texts.get(`${c.document}#${c.sentenceIndex}`),
            cites.get(c.document)!.title,
            cites.get(c.document)!.source,
          ]),
        );
        expect(cited[0]!.sentence).toContain(cited[0]!.claim.text);
      });

      it('finds every claim whose years overlap, whatever their span, as reading them all does', async () => {
        // spans of every length the SQLite store reads by class (0, up to 3, 15, 63, longer) and open ends
        const shapes: [number | null, number | null][] = [];
        for (let y = 1940; y < 2030; y += 7) {
          for (const span of [0, 2, 3, 9, 15, 40, 63, 64, 150]) shapes.push([y, y + span]);
          shapes.push([y, null], [null, y]);
        }
        const text = `Title\n${shapes.map((_, k) => `Count ${String(k).padStart(4, '0')} here.`).join(' ')}`;
        const sentences = sentencesOf(text);
        const claims = shapes.map(([a, b], k): ClaimJson & { sentenceIndex: number } => {
          const quote = String(k).padStart(4, '0');
          const start = text.indexOf(quote);
          const t = (y: number | null) => (y === null ? null : String(y));
          return {
            span: [start, start + 4],
            sentence: [sentences[k]!.start, sentences[k]!.end],
            sentenceIndex: k,
            text: quote,
            measure: 'population',
            value: { low: k, high: k, approx: 'exact' },
            unit: 'person',
            per: null,
            group: { kind: 'workers', label: 'workers' },
            time: { start: t(a), end: t(b), edtf: `${t(a) ?? '..'}/${t(b) ?? '..'}`, precision: 'year' },
            place: placeJson('RU-KHA'),
            source: null,
            modality: 'asserted',
            rule: 'test',
          };
        });
        await store.putDocument({ ...documentOf('spans', text), sentences, claims, events: [] });
        const overlaps = (k: number, from?: number, to?: number, within?: boolean) => {
          const [a, b] = shapes[k]!;
          const lo = a ?? -Infinity;
          const hi = b ?? Infinity;
          if ((from !== undefined && hi < from) || (to !== undefined && lo > to)) return false;
          if (within === undefined || from === undefined || to === undefined) return true;
          return within === (lo >= from && hi <= to);
        };
        for (const [from, to] of [
          [1959, 1959],
          [1967, 1970],
          [2024, 2024],
          [1900, 1939],
          [2000, 2100],
          [1990, undefined],
          [undefined, 1950],
        ] as [number | undefined, number | undefined][]) {
          // by place, group and measure (SQLite reads each span class in turn), by group and
          // measure (the other index), and by place alone
          const filters = [
            { placeIds: ['RU-KHA'], groupKind: 'workers' as const, measure: 'population' as const },
            { groupKind: 'workers' as const, measure: 'population' as const },
            { placeIds: ['RU-KHA'] },
          ];
          for (const [within, by] of [undefined, true, false].flatMap((w) => filters.map((x) => [w, x] as const))) {
            const f = { document: 'spans', from, to, within, ...by };
            const want = shapes.flatMap((_, k) => (overlaps(k, from, to, within) ? [String(k).padStart(4, '0')] : []));
            const label = JSON.stringify(f);
            expect(texts(await store.claims(f)), label).toEqual(want);
            expect(
              (await store.claimFacts({ ...f, placeIds: undefined })).map((c) => c.spanStart),
              label,
            ).toEqual((await store.claims(f)).map((c) => c.span[0]));
            expect(await store.countClaims(f), label).toBe(want.length);
            expect(texts(await store.claims({ ...f, limit: 3, offset: 2 })), label).toEqual(want.slice(2, 5));
          }
        }
      });

      it('filters claims by the family of their unit: people, shares or money', async () => {
        expect(texts(await store.claims({ unitFamily: 'percent' }))).toEqual(['40%']);
        expect(await store.countClaims({ unitFamily: 'person' })).toBe(4);
        expect(await store.countClaims({ unitFamily: 'money' })).toBe(0);
      });

      it('filters events by type, place, years and document, with paging', async () => {
        const types = async (filter: Parameters<Store['events']>[0]) => (await store.events(filter)).map((e) => e.type);
        expect(await types({})).toEqual(['study', 'escape']);
        expect(await types({ type: 'escape' })).toEqual(['escape']);
        expect(await types({ type: ['escape', 'study'] })).toEqual(['study', 'escape']);
        expect(await types({ placeIds: ['city:RU:moscow'] })).toEqual(['escape']);
        expect(await types({ from: 1970 })).toEqual(['study']);
        expect(await types({ from: 1950, to: 1966 })).toEqual(['study', 'escape']);
        expect(await types({ to: 1959 })).toEqual([]);
        expect(await types({ document: 'nope' })).toEqual([]);
        expect(await types({ limit: 1, offset: 1 })).toEqual(['escape']);
      });

      it('lists places with their claim and event counts (rejected claims not counted)', async () => {
        const counts = async () => Object.fromEntries((await store.places()).map((p) => [p.id, [p.claims, p.events]]));
        expect(await counts()).toEqual({
          'city:RU:moscow': [1, 1],
          'city:RU:vladivostok': [2, 0],
          RU: [0, 0],
          'RU-KHA': [1, 1],
        });
        const places = await store.places();
        expect(places.find((p) => p.id === 'city:RU:vladivostok')).toEqual({ ...PLACES[0], claims: 2, events: 0 });
        await store.addReview((await claimOn('3,000')).id, { action: 'reject', patch: null, note: null });
        expect((await counts())['city:RU:vladivostok']).toEqual([1, 0]);
      });

      it('moves its change mark on every write, or has none', async () => {
        const before = await store.changeMark();
        await store.putDocument(documentOf('another'));
        const after = await store.changeMark();
        if (before !== null) expect(after).not.toBe(before);
        else expect(after).toBeNull();
      });

      it('lists known places without counts, for hierarchies', async () => {
        const known = await store.knownPlaces();
        expect(known.map((p) => p.id).sort()).toEqual(PLACES.map((p) => p.id).sort());
        expect(known.find((p) => p.id === 'city:RU:vladivostok')).toEqual(PLACES[0]);
      });

      it('reads citations and sentence texts in batches, leaving out what is missing', async () => {
        const cites = await store.citations(['nk', 'nope', 'nk']);
        expect([...cites.keys()]).toEqual(['nk']);
        expect(cites.get('nk')).toMatchObject({ title: expect.any(String) });
        const texts = await store.sentenceTexts([
          { document: 'nk', sentenceIndex: 1 },
          { document: 'nk', sentenceIndex: 99 },
          { document: 'nope', sentenceIndex: 0 },
        ]);
        expect([...texts.entries()]).toEqual([['nk#1', BODY[1]]]);
      });
    });

    describe('reviews', () => {
      beforeEach(async () => {
        await store.putDocument(documentOf('nk'));
      });

      it('accept, reject and correct set the status, and are listed in order', async () => {
        const a = await store.addReview((await claimOn('10,000')).id, {
          action: 'accept',
          patch: null,
          note: 'checked',
        });
        expect(a.claim.status).toBe('accepted');
        expect(a.review).toMatchObject({ action: 'accept', state: 'applied', claim: a.claim.id, note: 'checked' });
        expect(a.review.selector).toMatchObject({ exact: 'about 10,000', start: TEXT.indexOf('about 10,000') });

        const r = await store.addReview((await claimOn('200')).id, { action: 'reject', patch: null, note: null });
        expect(r.claim.status).toBe('rejected');

        const target = await claimOn('1,500');
        const c = await store.addReview(target.id, {
          action: 'correct',
          patch: { low: 1400, high: 1600, approx: 'range', place: { id: 'RU', name: 'Russia', lat: 60, lon: 100 } },
          note: null,
        });
        expect(c.claim).toMatchObject({
          id: target.id,
          status: 'corrected',
          value: { low: 1400, high: 1600, approx: 'range' },
          place: { id: 'RU', name: 'Russia', lat: 60, lon: 100 },
        });
        const { id, document, sentenceIndex, status, machine, ...original } = target;
        expect(c.claim.machine).toStrictEqual(original);
        expect(await store.getClaim(target.id)).toStrictEqual(c.claim);

        // a second correction merges into the first; an accept keeps it corrected
        await store.addReview(target.id, { action: 'correct', patch: { source: 'a survey' }, note: null });
        const accepted = await store.addReview(target.id, { action: 'accept', patch: null, note: null });
        expect(accepted.claim).toMatchObject({ status: 'corrected', source: 'a survey', value: { low: 1400 } });
        expect(accepted.claim.machine).toStrictEqual(original);

        const reviews = await store.reviews();
        expect(reviews.map((x) => x.action)).toEqual(['accept', 'reject', 'correct', 'correct', 'accept']);
        expect(reviews[2]!.patch).toEqual({
          low: 1400,
          high: 1600,
          approx: 'range',
          place: { id: 'RU', name: 'Russia', lat: 60, lon: 100 },
        });
        expect(await store.reviews({ state: 'orphaned' })).toEqual([]);
        expect(await store.reviews({ document: 'other' })).toEqual([]);
        expect(await store.countClaims({ status: 'corrected' })).toBe(1);
        expect(await store.integrityCheck()).toEqual([]);
      });

      it('rejects a review of an unknown claim, and a correction without fields', async () => {
        await expect(store.addReview('nk:ffffffffff', { action: 'accept', patch: null, note: null })).rejects.toThrow(
          NotFoundError,
        );
        const id = (await claimOn('200')).id;
        await expect(store.addReview(id, { action: 'correct', patch: null, note: null })).rejects.toThrow(InputError);
        expect(await store.reviews()).toEqual([]);
        expect((await store.getClaim(id))!.status).toBe('machine');
      });

      it('survive re-ingestion of an edited text: applied where the quote moved, orphaned where it went', async () => {
        await store.addReview((await claimOn('10,000')).id, { action: 'accept', patch: null, note: null });
        await store.addReview((await claimOn('3,000')).id, {
          action: 'correct',
          patch: { low: 2800, groupKind: 'community' },
          note: null,
        });
        await store.addReview((await claimOn('200')).id, { action: 'reject', patch: null, note: null });

        // a sentence added at the start moves every quote; the refugees' sentence is deleted
        const edited = TEXT.replace('\nIn 2015', '\nA new opening sentence. In 2015').replace(` ${BODY[3]}`, '');
        const result = await store.putDocument(documentOf('nk', edited));
        expect(result).toMatchObject({ status: 'replaced', claims: 4, reviews: { applied: 2, orphaned: 1 } });

        const about = await claimOn('10,000');
        expect(about.status).toBe('accepted');
        expect(about.span[0]).toBe(edited.indexOf('about 10,000'));
        const corrected = await claimOn('3,000');
        expect(corrected).toMatchObject({ status: 'corrected', value: { low: 2800 }, group: { kind: 'community' } });
        expect(corrected.machine?.value.low).toBe(3000);
        expect(corrected.machine?.group?.implied).toBe('previous sentence');
        expect((await claimOn('1,500')).status).toBe('machine');

        const reviews = await store.reviews({ document: 'nk' });
        expect(reviews.map((r) => r.state)).toEqual(['applied', 'applied', 'orphaned']);
        expect(reviews[1]!.claim).toBe(corrected.id);
        expect(reviews[2]!.claim).toBeNull();
        expect(await store.reviews({ state: 'orphaned' })).toHaveLength(1);

        // unchanged on a second put: reviews counted, nothing rewritten
        expect(await store.putDocument(documentOf('nk', edited))).toMatchObject({
          status: 'unchanged',
          reviews: { applied: 2, orphaned: 1 },
        });
        // the sentence comes back: its review applies again
        expect((await store.putDocument(documentOf('nk'))).reviews).toEqual({ applied: 3, orphaned: 0 });
        expect((await claimOn('200')).status).toBe('rejected');
        expect(await store.integrityCheck()).toEqual([]);
      });
    });

    describe('search', () => {
      beforeEach(async () => {
        await store.putDocument(documentOf('nk'));
        await store.putDocument(documentOf('other', TEXT.replace('Moscow', 'Pyongyang')));
      });

      it('finds words in sentences, with highlights inside a plain-text snippet and a rank', async () => {
        const hits = await store.search('refugees Moscow');
        expect(hits).toHaveLength(1);
        const hit = hits[0]!;
        expect(hit).toMatchObject({
          document: 'nk',
          title: 'North Koreans in Russia',
          sentenceIndex: 3,
          text: BODY[3],
          start: TEXT.indexOf(BODY[3]!),
          end: TEXT.indexOf(BODY[3]!) + BODY[3]!.length,
        });
        expect(TEXT.slice(hit.start, hit.end)).toBe(hit.text);
        expect(hit.highlights.map(([s, e]) => hit.snippet.slice(s, e))).toEqual(['refugees', 'Moscow']);
        for (const marker of ['\u0002', '\u0003', '<b>']) expect(hit.snippet).not.toContain(marker);
        expect(hit.score).toBeGreaterThan(0);
      });

      it('matches word forms and ranks better matches first', async () => {
        const hits = await store.search('worker');
        expect(hits.map((h) => h.sentenceIndex)).toEqual([0, 0]);
        expect(hits[0]!.highlights.map(([s, e]) => hits[0]!.snippet.slice(s, e))).toEqual(['workers']);
        const ranked = await store.search('students');
        for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1]!.score).toBeGreaterThanOrEqual(ranked[i]!.score);
      });

      it('limits hits and keeps to one document when asked', async () => {
        expect(await store.search('workers', { limit: 1 })).toHaveLength(1);
        expect((await store.search('1967', { document: 'other' })).map((h) => h.document)).toEqual(['other']);
        await expect(store.search('workers', { limit: 0 })).rejects.toThrow(InputError);
      });

      it('reads query syntax as text: no errors, no injection', async () => {
        for (const query of [
          '"',
          '"workers',
          '*',
          'work*',
          'OR',
          'workers OR',
          '-',
          '-workers',
          'NEAR(workers',
          'text:workers',
          '(',
          '^workers',
          "'; DROP TABLE sentences; --",
          "'; DROP TABLE documents; --",
          '\\',
          '\u0000',
          '',
          'x'.repeat(5000),
        ]) {
          const hits = await store.search(query);
          expect(Array.isArray(hits), query).toBe(true);
        }
        expect((await store.search('"workers"')).length).toBe(2);
        expect((await store.search('workers*')).length).toBe(2);
        expect((await store.search('-workers')).length).toBe(2);
        expect(await store.search('')).toEqual([]);
        expect((await store.listDocuments()).length).toBe(2);
        expect(await store.countClaims()).toBe(10);
        expect(await store.integrityCheck()).toEqual([]);
      });
    });

    describe('schema', () => {
      it(`is at version ${LATEST} and has nothing left to migrate`, async () => {
        expect(await store.schemaVersion()).toBe(LATEST);
        expect(await store.migrate()).toEqual({ from: LATEST, to: LATEST, applied: [] });
        expect(await store.integrityCheck()).toEqual([]);
      });

      it('upgrades a version 1 store without loss, and indexes its old sentences', async () => {
        const legacy = await hooks.createAt(1);
        const input = documentOf('old');
        await legacy.exec(
          'INSERT INTO documents (id, title, source, pub_date, licence, format, hash, path, extractor, text, length, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
          [
            input.id,
            input.title,
            input.source,
            input.date,
            input.licence,
            input.format,
            input.hash,
            input.path,
            input.extractor,
            input.text,
            input.text.length,
            '2025-01-01T00:00:00.000Z',
          ],
        );
        for (const s of input.sentences) {
          await legacy.exec(
            'INSERT INTO sentences (document, idx, span_start, span_end, section, text) VALUES (?, ?, ?, ?, ?, ?)',
            ['old', s.index, s.start, s.end, s.section, TEXT.slice(s.start, s.end)],
          );
        }
        // version 1 claims have no status and no machine columns
        const v1Columns = CLAIM_COLUMNS.slice(0, CLAIM_COLUMNS.indexOf('status'));
        const expected = expectedClaims(input);
        for (const [ord, c] of expected.entries()) {
          const record = { ...c, id: `old:${ord}` };
          await legacy.exec(
            `INSERT INTO claims (${v1Columns.join(', ')}) VALUES (${v1Columns.map(() => '?').join(', ')})`,
            claimValues(record, ord).slice(0, v1Columns.length),
          );
        }

        const upgraded = await legacy.open();
        try {
          expect(await upgraded.schemaVersion()).toBe(LATEST);
          expect(await upgraded.getDocument('old')).toMatchObject({
            text: TEXT,
            hash: input.hash,
            claims: 5,
            ingestedAt: '2025-01-01T00:00:00.000Z',
          });
          expect(withoutIds(await upgraded.claims())).toStrictEqual(expected);
          const hits = await upgraded.search('refugees');
          expect(hits.map((h) => [h.document, h.sentenceIndex])).toEqual([['old', 3]]);
          const reviewed = await upgraded.addReview('old:3', { action: 'reject', patch: null, note: null });
          expect(reviewed.claim.status).toBe('rejected');
          expect(await upgraded.integrityCheck()).toEqual([]);
        } finally {
          await upgraded.close();
        }
      });

      it('reports what is wrong with a damaged store', async () => {
        const damaged = await hooks.createAt(LATEST);
        const opened = await damaged.open();
        try {
          await opened.putDocument(documentOf('nk'));
          const rejected = await claimOnIn(opened, '200');
          const dangling = await claimOnIn(opened, '40%');
          // a status no review explains, and a claim whose sentence is gone
          await damaged.exec("UPDATE claims SET status = 'rejected' WHERE id = ?", [rejected.id]);
          await damaged.exec('DELETE FROM sentences WHERE document = ? AND idx = ?', ['nk', dangling.sentenceIndex]);
          const problems = await opened.integrityCheck();
          expect(problems).toContain(`reviewed claims without an applied review: ${rejected.id}`);
          expect(problems).toContain(`claims on a sentence that does not exist: ${dangling.id}`);
        } finally {
          await opened.close();
        }
      });

      it('refuses a store newer than this program and leaves it alone', async () => {
        const future = await hooks.createAt(LATEST);
        await future.exec('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
          LATEST + 1,
          'from the future',
          '2030-01-01T00:00:00.000Z',
        ]);
        await expect(future.open()).rejects.toThrow(
          new RegExp(`schema version ${LATEST + 1}, newer than this program knows \\(${LATEST}\\)`),
        );
        await expect(future.open()).rejects.toThrow(StoreError);
      });
    });
  });
}
