import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../tokenize.js';
import type { Quantity, SentenceContext } from '../types.js';
import { annotateQuantities, annotateRates, traceQuantities } from './index.js';
import { corpus, nearMisses, rateCorpus, rateNearMisses } from './numbers.corpus.js';
import { RULES } from './rules.js';

const context = (text: string): SentenceContext => ({
  text,
  sentence: { start: 0, end: text.length, index: 0, section: null },
  tokens: tokenize(text),
});

/** "«about 12,000» troops" -> the text without markers and the marked span. */
function unmark(marked: string): { text: string; start: number; end: number } {
  const start = marked.indexOf('«');
  const end = marked.indexOf('»') - 1;
  return { text: marked.replace('«', '').replace('»', ''), start, end };
}

const show = (text: string, qs: Quantity[]): string =>
  [
    ...qs.map(
      (q) =>
        `  "${text.slice(q.start, q.end)}" ${q.dimension} [${q.low}, ${q.high}] ${q.approx} ${q.unit} per=${q.per} <${q.rule}>`,
    ),
    '  trace:',
    ...traceQuantities(context(text)).map((l) => `    ${l}`),
  ].join('\n');

const CLAIMABLE: ReadonlySet<Quantity['dimension']> = new Set(['count', 'percent', 'money']);

describe('numbers corpus', () => {
  for (const entry of corpus) {
    for (const marked of entry.sentences) {
      it(`${entry.about}: ${marked}`, () => {
        const { text, start, end } = unmark(marked);
        const qs = annotateQuantities(context(text));
        const q = qs.find((x) => x.start === start && x.end === end);
        expect(q, `no quantity spans "${text.slice(start, end)}"\n${show(text, qs)}`).toBeDefined();
        const e = entry.expect;
        const got: Record<string, unknown> = { dimension: q!.dimension, low: q!.low, high: q!.high, approx: q!.approx };
        const want: Record<string, unknown> = { dimension: e.dimension, low: e.low, high: e.high, approx: e.approx };
        for (const k of ['unit', 'per', 'counted', 'hedge'] as const) {
          if (e[k] !== undefined) {
            got[k] = q![k];
            want[k] = e[k];
          }
        }
        expect(got, show(text, qs)).toEqual(want);
        expect(text.slice(q!.start, q!.end)).toBe(q!.text);
      });
    }
  }
});

describe('numbers near misses', () => {
  for (const miss of nearMisses) {
    it(`${miss.why}: ${miss.text}`, () => {
      const qs = annotateQuantities(context(miss.text));
      const claimable = qs.filter((q) => CLAIMABLE.has(q.dimension));
      expect(claimable, show(miss.text, qs)).toEqual([]);
    });
  }
});

describe('rates', () => {
  for (const entry of rateCorpus) {
    for (const marked of entry.sentences) {
      it(`${entry.per}: ${marked}`, () => {
        const { text, start, end } = unmark(marked);
        const rs = annotateRates(context(text));
        expect(rs.map((r) => [text.slice(r.start, r.end), r.per])).toEqual([[text.slice(start, end), entry.per]]);
      });
    }
  }
  for (const text of rateNearMisses) {
    it(`no free-standing rate: ${text}`, () => {
      expect(annotateRates(context(text))).toEqual([]);
    });
  }
  it('reads a rate right after an amount into per, not into a RateMention', () => {
    const text = 'Up to 70% of the $40 to $100 per month wages are taken.';
    const qs = annotateQuantities(context(text));
    expect(qs.map((q) => [q.text, q.per])).toEqual([
      ['Up to 70%', null],
      ['$40 to $100', 'month'],
    ]);
    expect(annotateRates(context(text))).toEqual([]);
  });
});

describe('rules', () => {
  it('every rule fires on some corpus sentence', () => {
    const fired = new Set<string>();
    const texts = [
      ...corpus.flatMap((e) => e.sentences.map((s) => unmark(s).text)),
      ...nearMisses.map((m) => m.text),
      'It starts at 5 p.m. sharp.',
      'Ticket #3 won.',
    ];
    for (const text of texts)
      for (const line of traceQuantities(context(text))) fired.add(line.slice(line.lastIndexOf('<- ') + 3));
    expect(RULES.map((r) => r.name).filter((n) => !fired.has(n))).toEqual([]);
  });

  it('uses absolute offsets inside a longer document', () => {
    const text = 'Intro sentence here. The North Koreans sent about 12,000 troops.';
    const start = text.indexOf('The');
    const ctx: SentenceContext = {
      text,
      sentence: { start, end: text.length, index: 1, section: null },
      tokens: tokenize(text, { start, end: text.length }),
    };
    const [q] = annotateQuantities(ctx);
    expect(text.slice(q.start, q.end)).toBe('about 12,000');
    expect(q.counted).toBe('troops');
  });

  it('returns non-overlapping quantities sorted by start', () => {
    const text = 'Roughly 15,000 to 20,000 were present; 65% of them, about 12,000 troops, in 1999 and 2000.';
    const qs = annotateQuantities(context(text));
    for (let k = 1; k < qs.length; k++) expect(qs[k].start).toBeGreaterThanOrEqual(qs[k - 1].end);
  });
});

const NUMBERISH = [
  '10,000',
  '0.43',
  '%',
  '$',
  'US$7',
  'million',
  'two-thirds',
  'half',
  'of',
  'the',
  'to',
  '-',
  '–',
  'between',
  'and',
  'or',
  'about',
  'more than',
  'up to',
  'a',
  'third',
  'thousands',
  'tens of',
  '[1]',
  'No.',
  'Resolution',
  'aged',
  'years',
  'km',
  'won',
  'annually',
  'a year',
  'per month',
  '1947',
  '100-500',
  'workers',
  'Koreans',
  '72nd-largest',
  '¥',
  'twenty-five',
  'hundred',
  'several',
  ',',
  '.',
  '(',
];

describe('property: never throws, spans stay inside the sentence', () => {
  const check = (text: string, from: number) => {
    const span = { start: Math.min(from, text.length), end: text.length };
    const ctx: SentenceContext = {
      text,
      sentence: { ...span, index: 0, section: null },
      tokens: tokenize(text, span),
    };
    // the trace runs the parser without the safety net, so a rule that throws fails the property
    traceQuantities(ctx);
    const qs = annotateQuantities(ctx);
    let last = -1;
    for (const q of qs) {
      expect(q.start).toBeGreaterThanOrEqual(span.start);
      expect(q.end).toBeLessThanOrEqual(span.end);
      expect(q.start).toBeGreaterThan(last - 1);
      expect(q.end).toBeGreaterThan(q.start);
      expect(text.slice(q.start, q.end)).toBe(q.text);
      last = q.end;
    }
    for (const r of annotateRates(ctx)) {
      expect(r.start).toBeGreaterThanOrEqual(span.start);
      expect(r.end).toBeLessThanOrEqual(span.end);
    }
  };
  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.nat(50), (text, from) => check(text, from)),
      { numRuns: 500 },
    );
  });
  it('on arbitrary unicode, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.nat(50), (text, from) => check(text, from)),
      { numRuns: 300 },
    );
  });
  it('on number-dense word salad', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...NUMBERISH), { maxLength: 60 }), fc.nat(20), (words, from) =>
        check(words.join(' '), from),
      ),
      { numRuns: 1000 },
    );
  });
});

// The development gold (../shared/eval/gold): every quoted quantity must come out with its value.
const GOLD_DIR = new URL('../../../test/fixtures/eval/eval/gold/', import.meta.url);
describe.skipIf(!existsSync(GOLD_DIR))('development gold', () => {
  const files = [
    'seed.json',
    '15-north-korean-defectors-overview.json',
    '18-deportation-of-koreans-1937.json',
    '23-sakhalin-koreans-overview.json',
    '26-koreans-in-kamchatka.json',
    '35-vietnamese-people-in-russia.json',
  ];
  for (const f of files) {
    const url = new URL(f, GOLD_DIR);
    if (!existsSync(url)) continue;
    const gold = JSON.parse(readFileSync(url, 'utf8')) as {
      document: string;
      claims: Array<{
        context: string;
        quote: string;
        low: number | null;
        high: number | null;
        approx: string;
        unit: string;
        per: string | null;
        optional?: boolean;
      }>;
    };
    const text = readFileSync(new URL(`../../../test/fixtures/eval/${gold.document}`, import.meta.url), 'utf8');
    for (const c of gold.claims.filter((x) => !x.optional)) {
      it(`${f}: ${c.quote}`, () => {
        // The claim's own sentence is enough context: from the previous full stop to the next.
        const at = text.indexOf(c.context) + c.context.indexOf(c.quote);
        const start = Math.max(0, text.lastIndexOf('. ', at) + 2, text.lastIndexOf('\n', at) + 1);
        const stop = text.indexOf('. ', at + c.quote.length);
        const end = stop < 0 ? text.length : stop + 1;
        const ctx: SentenceContext = {
          text,
          sentence: { start, end, index: 0, section: null },
          tokens: tokenize(text, { start, end }),
        };
        const qs = annotateQuantities(ctx);
        const q = qs.find((x) => x.start < at + c.quote.length && at < x.end);
        expect(q, show(text.slice(start, end), qs)).toBeDefined();
        const rate = annotateRates(ctx)[0]?.per ?? null;
        expect({
          low: q!.low,
          high: q!.high,
          approx: q!.approx,
          unit: q!.unit ?? 'person',
          per: q!.per ?? rate,
        }).toEqual({
          low: c.low,
          high: c.high,
          approx: c.approx,
          unit: c.unit,
          per: c.per,
        });
      });
    }
  }
});
