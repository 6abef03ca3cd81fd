import { describe, expect, it } from 'vitest';
import { readDocument } from '../corpus/index.js';
import { extract, extractWithMentions } from './index.js';

const read = (text: string) => extractWithMentions(readDocument(text, { format: 'text' }));

describe('extractWithMentions: event actors and entity mentions', () => {
  it('lists each actor of an event once, names first and then subject countries, though named twice', () => {
    const r = read('Russia and Kim Jong Un condemned the sanctions; Russia and Kim Jong Un later signed an agreement.');
    expect(r.extraction.events.map((e) => [e.type, e.actors])).toEqual([
      ['condemnation', ['Kim Jong Un', 'Russia']],
      ['sanction', ['Kim Jong Un', 'Russia']],
      ['agreement', ['Kim Jong Un', 'Russia']],
    ]);
  });

  it('keeps two different names as two actors (no merging of distinct names)', () => {
    const r = read('In 2017, Vladimir Putin and Kim Jong Un signed an agreement in Vladivostok.');
    expect(r.extraction.events[0]!.actors).toEqual(['Vladimir Putin', 'Kim Jong Un']);
  });

  it('counts entities by kind and name, in order of first mention, across sentences', () => {
    const r = read(
      'In 2019, the Federal Migration Service and Vladimir Putin deported 500 workers, the Federal ' +
        'Migration Service said. Kim Jong Un met Vladimir Putin.',
    );
    expect(r.entities).toEqual([
      { name: 'Federal Migration Service', kind: 'organization', count: 2 },
      { name: 'Vladimir Putin', kind: 'person', count: 2 },
      { name: 'Kim Jong Un', kind: 'person', count: 1 },
    ]);
  });
});

describe('extract: what it returns, without the mentions', () => {
  it('finds the same claims and events as extractWithMentions, actors included', () => {
    const text =
      'Vladimir Putin spoke in Moscow. In 2019, Kim Jong Un and the Federal Migration Service signed an agreement ' +
      'on 500 North Korean workers.';
    const doc = readDocument(text, { format: 'text' });
    const full = extractWithMentions(doc);
    expect(extract(doc)).toEqual(full.extraction);
    expect(full.extraction.events[0]!.actors).toEqual(['Kim Jong Un', 'Federal Migration Service']);
    // near miss: the mentions list still names the person of the sentence without an event
    expect(full.entities.map((e) => e.name)).toContain('Vladimir Putin');
  });
});

describe('extractWithMentions: the JSON of claims and events', () => {
  const text =
    'In 2019, 500 North Korean workers were in Vladivostok. In 2020, 600 North Korean workers were in ' +
    'Vladivostok. Another 700 arrived in 2021.\n\nIn Tomsk, 800 students were trained in 2022.';

  it('gives claims and events that hold a place one shared object per place and provenance', () => {
    const { claims, events } = read(text).extraction;
    expect(claims.map((c) => c.place?.implied ?? 'stated')).toEqual(['stated', 'stated', 'document', 'stated']);
    expect(claims[1]!.place).toBe(claims[0]!.place);
    expect(events[0]!.place).toBe(claims[3]!.place);
    // near miss: the same place implied is another object, which says so
    expect(claims[2]!.place).not.toBe(claims[0]!.place);
    expect(claims[2]!.place).toEqual({ ...claims[0]!.place, implied: 'document' });
    expect(claims[0]!.place).not.toHaveProperty('implied');
  });

  it('shares the JSON of a time or a group among the claims that hold it, apart by provenance', () => {
    const { claims } = read(
      'In 2019, 500 North Korean workers and 600 North Korean workers arrived. Another 700 came. ' +
        'In 2020, 800 North Korean workers left.',
    ).extraction;
    expect(claims.map((c) => [c.time?.edtf, c.time?.implied, c.group?.label, c.group?.implied])).toEqual([
      ['2019', undefined, 'North Korean workers', undefined],
      ['2019', undefined, 'North Korean workers', undefined],
      ['2019', 'previous-sentence', 'North Korean workers', 'previous-sentence'],
      ['2020', undefined, 'North Korean workers', undefined],
    ]);
    expect(claims[1]!.time).toBe(claims[0]!.time);
    expect(claims[1]!.group).toBe(claims[0]!.group);
    expect(claims[3]!.group).toBe(claims[0]!.group);
    // near miss: implied, or another time, is another object
    expect(claims[2]!.time).not.toBe(claims[0]!.time);
    expect(claims[2]!.group).not.toBe(claims[0]!.group);
    expect(claims[3]!.time).not.toBe(claims[0]!.time);
    expect(claims[0]!.time).not.toHaveProperty('implied');
  });

  it('writes a value with an open end as null, and a fraction as it is (kept as numbers until written)', () => {
    const { claims } = read(
      'In 2019, more than 500 North Korean workers and 2.5% of students were in Vladivostok.',
    ).extraction;
    expect(claims.map((c) => c.value)).toEqual([
      { low: 500, high: null, approx: 'at-least' },
      { low: 2.5, high: 2.5, approx: 'exact' },
    ]);
    expect(claims[0]!.span).toEqual([9, 22]);
  });

  it('writes an implied group as kind, label and implied, in that order', () => {
    const group = read(text).extraction.claims[2]!.group;
    expect(group).toEqual({ kind: 'workers', label: 'North Korean workers', implied: 'previous-sentence' });
    expect(Object.keys(group!)).toEqual(['kind', 'label', 'implied']);
  });
  it('keeps every claim and event whole across chunks of rows, and chunks used again', () => {
    // claims and events are kept as rows of integers in 64 KB chunks until written (744 claims or
    // 1,638 events each; actors apart), then the chunks go to the next document
    const names = ['Kim Jong Un', 'Vladimir Putin', 'Sergei Shoigu'];
    const sentences = Array.from(
      { length: 4200 },
      (_, k) => `In ${1950 + (k % 70)}, ${names[k % 3]} signed an agreement on ${k + 100} North Korean workers.`,
    );
    const { claims, events } = read(sentences.join(' ')).extraction;
    expect(claims).toHaveLength(4200);
    expect(events).toHaveLength(4200);
    for (const k of [0, 743, 744, 1637, 1638, 4199]) {
      expect(claims[k]!.value.low).toBe(k + 100);
      expect(claims[k]!.time!.edtf).toBe(String(1950 + (k % 70)));
      expect(events[k]!.actors).toEqual([names[k % 3]]);
      expect(events[k]!.sentence[0]).toBe(claims[k]!.sentence[0]);
    }
    // the next document writes over the same chunks: nothing of this one shows through
    const short = 'In 2019, 500 North Korean workers arrived.';
    const alone = read(short).extraction;
    expect(read(sentences.join(' ')).extraction.claims[4199]).toEqual(claims[4199]);
    expect(read(short).extraction).toEqual(alone);
    // near miss: an event without actors writes none, wherever its row falls
    expect(
      read(`${sentences.slice(0, 10).join(' ')} The agreement was signed.`).extraction.events.at(-1)!.actors,
    ).toEqual([]);
  });
});

describe('extractWithMentions: documents longer than a block of sentences', () => {
  // Sentences are annotated a block at a time (64), and a block two back is let go.
  const filler = (n: number) => Array.from({ length: n }, (_, k) => `The town had ${k + 2} bridges.`).join(' ');

  it('carries a time stated 150 sentences back in the same paragraph', () => {
    const text = `In 1990, the factories hired men. ${filler(150)} About 5,000 North Korean workers arrived.`;
    const claim = read(text).extraction.claims.find((c) => c.text === 'About 5,000')!;
    expect(claim.time).toMatchObject({ edtf: '1990', implied: 'paragraph' });
  });

  it('carries no time across a paragraph break that far back (near miss)', () => {
    const text = `In 1990, the factories hired men. ${filler(150)}\n\nAbout 5,000 North Korean workers arrived.`;
    expect(read(text).extraction.claims.find((c) => c.text === 'About 5,000')!.time).toBeNull();
  });

  it('carries a subject 4 sentences back across the end of a block', () => {
    // sentences 0-59 filler, the subject at 60, the claim at 64, the first of the second block
    const text = `${filler(60)} North Korean lumberjacks worked in the forests. ${filler(3)} Roughly 15,000 were present in any given year.`;
    const claim = read(text).extraction.claims.find((c) => c.text === 'Roughly 15,000')!;
    expect(claim.group).toMatchObject({ kind: 'workers', implied: 'previous-sentence' });
  });

  it('gives a claim of the first block the frame the whole document decides', () => {
    // the frame is Kamchatka, named only after the claim, 100 sentences on
    const kamchatka = Array.from({ length: 5 }, () => 'Ships sailed to Kamchatka.').join(' ');
    const text = `About 5,000 North Korean workers arrived. ${filler(100)} ${kamchatka}`;
    const claim = read(text).extraction.claims.find((c) => c.text === 'About 5,000')!;
    expect(claim.place).toMatchObject({ name: 'Kamchatka Peninsula', implied: 'document' });
  });
});

describe('extract: one document after another', () => {
  // The token records of one document are reused by the next (a pool for every document), so a
  // document's result must not depend on what was read before it: here a block of one sentence of
  // 12,000 tokens (more records than the pool keeps) and a document of ordinary sentences.
  const ordinary =
    'In 2006, roughly 10,000 North Korean workers were in Russia, according to one estimate. ' +
    'Kim Jong Un visited Vladivostok in April 2019. About 2,000 students came in the 1950s.';
  const giant = `${Array.from({ length: 4000 }, (_, i) => `worker ${i},`).join(' ')} and 500 more.`;
  const json = (text: string) => JSON.stringify(extract(readDocument(text, { format: 'text' })));

  it('gives each document the result it has alone', () => {
    const alone = json(ordinary);
    const giantAlone = json(giant);
    expect(json(ordinary)).toBe(alone);
    expect(json(giant)).toBe(giantAlone);
    expect(json(ordinary)).toBe(alone);
    expect(JSON.parse(alone).claims.map((c: { text: string }) => c.text)).toEqual(['roughly 10,000', 'About 2,000']);
  });
});
