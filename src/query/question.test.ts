import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { EVENT_TYPES } from '../extract/types.js';
import { type ExpectedParse, questionCorpus, questionNearMisses } from './question.corpus.js';
import { checkQuestion, MAX_QUESTION_LENGTH, parseQuestion } from './question.js';
import type { ParsedQuestion } from './question.types.js';

/** The parse in the corpus's terms, so a failure prints what was read and why (the trace). */
function view(p: ParsedQuestion) {
  return {
    intent: p.intent,
    group: p.group && { kind: p.group.kind, head: p.group.head, label: p.group.label },
    place: p.place?.id ?? null,
    placeRole: p.placeRole,
    time: p.time,
    measure: p.measure,
    per: p.per,
    modality: p.modality,
    eventTypes: p.eventTypes,
    actors: p.actors,
    keywords: p.keywords,
    trace: p.trace,
  };
}

function check(q: string, e: ExpectedParse): void {
  const p = parseQuestion(q);
  const got = view(p);
  const msg = JSON.stringify(got, null, 1);
  if (e.intent !== undefined) expect(p.intent, msg).toBe(e.intent);
  if (e.group !== undefined) {
    if (e.group === null) expect(p.group, msg).toBeNull();
    else {
      expect(p.group?.kind, msg).toBe(e.group.kind);
      if (e.group.head !== undefined) expect(p.group?.head, msg).toBe(e.group.head);
    }
  }
  if (e.place !== undefined) expect(p.place?.id ?? null, msg).toBe(e.place);
  if (e.placeRole !== undefined) expect(p.placeRole, msg).toBe(e.placeRole);
  if (e.time === null) expect(p.time, msg).toBeNull();
  if (e.from !== undefined) expect(p.time?.from, msg).toBe(e.from);
  if (e.to !== undefined) expect(p.time?.to, msg).toBe(e.to);
  if (e.month !== undefined) expect(p.time?.month, msg).toBe(e.month);
  if (e.measure !== undefined) expect(p.measure, msg).toBe(e.measure);
  if (e.per !== undefined) expect(p.per, msg).toBe(e.per);
  if (e.modality !== undefined) expect(p.modality, msg).toBe(e.modality);
  if (e.eventTypes !== undefined) expect(p.eventTypes, msg).toEqual(e.eventTypes);
  if (e.actors !== undefined) expect(p.actors, msg).toEqual(e.actors);
  for (const k of e.keywords ?? []) expect(p.keywords, msg).toContain(k);
  for (const k of e.notKeywords ?? []) expect(p.keywords, msg).not.toContain(k);
  if (e.onlyKeywords !== undefined) expect(p.keywords, msg).toEqual(e.onlyKeywords);
  // the time as written is the question's own words
  if (p.time !== null) expect(q.includes(p.time.text), msg).toBe(true);
}

describe('question corpus', () => {
  for (const entry of questionCorpus) {
    describe(entry.name, () => {
      for (const q of entry.phrasings) it(q, () => check(q, entry.expected));
    });
  }

  it('has at least 60 phrasings', () => {
    expect(questionCorpus.reduce((n, e) => n + e.phrasings.length, 0)).toBeGreaterThanOrEqual(60);
  });
});

describe('question near misses', () => {
  for (const m of questionNearMisses) it(`${m.question} (${m.why})`, () => check(m.question, m.expected));
});

describe('parts of the parse', () => {
  it('keeps the question and the words of its time as written', () => {
    const q = 'How many North Koreans were in Russia in the late 1940s?';
    const p = parseQuestion(q);
    expect(p.question).toBe(q);
    expect(p.time).toEqual({ from: 1946, to: 1949, month: null, precision: 'year', text: 'the late 1940s' });
  });

  it('takes "after the 1967 agreement" whole as the time', () => {
    const p = parseQuestion('How many North Korean lumberjacks were in Russia after the 1967 agreement?');
    expect(p.time?.text).toBe('after the 1967 agreement');
    expect([p.time?.from, p.time?.to]).toEqual([1967, null]);
  });

  it('reads the month of "in November 2007"', () => {
    const p = parseQuestion('What happened in Moscow in November 2007?');
    expect(p.time).toMatchObject({ month: '2007-11', precision: 'month', text: 'November 2007' });
  });

  it('keeps a demonym out of the place and a place inside a group label out too', () => {
    expect(parseQuestion('How many North Korean workers are there?').place).toBeNull();
    expect(parseQuestion('How many Sakhalin Koreans are there?').place).toBeNull();
  });

  it('lists every place with its role', () => {
    const p = parseQuestion('How many Koreans left Sakhalin for North Korea?');
    expect(p.places?.map((x) => [x.place.id, x.role])).toEqual([
      ['feature:sakhalin-island', 'from'],
      ['KP', 'to'],
    ]);
  });

  it('names the office as the actor', () => {
    const p = parseQuestion(
      'How many North Korean refugees did the governor of Primorsky Krai propose to settle in Russia?',
    );
    expect(p.actors).toEqual(['governor of Primorsky Krai']);
    expect(p.place?.id).toBe('RU');
  });

  it('leaves content words as keywords, lower-cased, without stop words or question words', () => {
    const p = parseQuestion('How many North Koreans worked in Russian Logging camps on work visas?');
    expect(p.keywords).toEqual(expect.arrayContaining(['logging', 'camps', 'visas']));
    for (const w of ['how', 'many', 'in', 'on', 'worked', 'north', 'koreans']) expect(p.keywords).not.toContain(w);
  });

  it('event types are known types', () => {
    for (const e of questionCorpus) {
      for (const q of e.phrasings) for (const t of parseQuestion(q).eventTypes) expect(EVENT_TYPES).toContain(t);
    }
  });

  it('recases a lower-case question to the same parse as the written one', () => {
    for (const q of [
      'How many North Korean soldiers did Ukraine capture in 2025?',
      'When did Kim Jong Il visit Russia?',
    ]) {
      const a = parseQuestion(q);
      const b = parseQuestion(q.toLowerCase());
      expect({ ...b, question: '', trace: [] }).toEqual({ ...a, question: '', trace: [] });
    }
  });
});

describe('checkQuestion', () => {
  it('returns a question within the limit', () => {
    expect(checkQuestion('How many?')).toBe('How many?');
    expect(checkQuestion('x'.repeat(MAX_QUESTION_LENGTH))).toHaveLength(MAX_QUESTION_LENGTH);
  });

  it('refuses a longer question with a clear message', () => {
    expect(() => checkQuestion('x'.repeat(MAX_QUESTION_LENGTH + 1))).toThrow(InputError);
    expect(() => checkQuestion('x'.repeat(2345))).toThrow(/invalid question: 2345 characters \(expected at most 2000/);
  });

  it('refuses an empty question and a non-string', () => {
    expect(() => checkQuestion('  ')).toThrow(/invalid question: empty/);
    expect(() => checkQuestion(42)).toThrow(InputError);
  });
});

describe('never throws', () => {
  it('cuts input at the limit instead, never inside a surrogate pair', () => {
    expect(parseQuestion(`How many ${'x'.repeat(5000)}`).question).toHaveLength(MAX_QUESTION_LENGTH);
    const emoji = `${'a'.repeat(MAX_QUESTION_LENGTH - 1)}😀`;
    expect(parseQuestion(emoji).question).toBe('a'.repeat(MAX_QUESTION_LENGTH - 1));
  });

  it('parses odd input to unknown', () => {
    for (const q of [
      '',
      '?',
      '   ',
      '\u0000',
      '😀😀',
      'İİİ HOW MANY',
      null as unknown as string,
      5 as unknown as string,
    ]) {
      const p = parseQuestion(q);
      expect(p.eventTypes).toBeInstanceOf(Array);
      expect(p.trace, `rule failure on ${JSON.stringify(q)}`).toBeDefined();
    }
    expect(parseQuestion('').intent).toBe('unknown');
  });

  // `trace` is absent only when a rule threw and parseQuestion fell back to the empty parse, so
  // these also prove no rule throws, not only that the guard works.
  it('on arbitrary strings up to 2,000 characters', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 2000 }), fc.string({ unit: 'binary', maxLength: 2000 })), (s) => {
        const p = parseQuestion(s);
        return p.trace !== undefined && p.question === s;
      }),
      { numRuns: 300 },
    );
  });

  const words = [
    'how',
    'many',
    'much',
    'what',
    'which',
    'when',
    'where',
    'who',
    'did',
    'does',
    'the',
    'of',
    'in',
    'to',
    'from',
    'by',
    'after',
    'before',
    'since',
    'between',
    'and',
    'North',
    'Korean',
    'Koreans',
    'north',
    'korea',
    'Russia',
    'russia',
    'Sakhalin',
    'Primorsky',
    'Krai',
    'governor',
    'workers',
    'lumberjacks',
    'soldiers',
    'people',
    'were',
    'lived',
    'went',
    'left',
    'captured',
    'capture',
    'visit',
    'propose',
    'earn',
    'paid',
    'per',
    'month',
    'each',
    'year',
    'a',
    'number',
    'share',
    'happened',
    '1967',
    '2006',
    'November',
    'november',
    'late',
    '1940s',
    "'s",
    'Kim',
    'Jong',
    'Il',
    'kim',
    'jong',
    'il',
    '?',
    ',',
    'population',
    'for',
    'host',
    'may',
    'ii',
    'war',
    'world',
  ];
  it('on questions made of the lexicon words in any order', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 40 }), (ws) => {
        const q = ws.join(' ');
        const p = parseQuestion(q);
        return p.trace !== undefined && (p.time === null || q.includes(p.time.text));
      }),
      { numRuns: 1000 },
    );
  });
});
