import { describe, expect, it } from 'vitest';
import { attachGroup } from './attach-group.js';
import { attachMeasure } from './attach-measure.js';
import { attachPlace, ClaimPlacer, documentFrame, statedPlaces } from './attach-place.js';
import { attachRate } from './attach-rate.js';
import { attachSource } from './attach-source.js';
import { attachTime } from './attach-time.js';
import { dropNonPeople } from './drop-non-people.js';
import { count, doc, drafts, group, modality, place, placeRef, rate, source, year } from './fixtures.js';
import { assembleClaims } from './pipeline.js';

const RU = placeRef('RU', 'Russia', [], 'country');
const KAMCHATKA = placeRef('RU-KAM', 'Kamchatka Krai', ['feature:russian-far-east', 'RU']);
const PETROPAVLOVSK = placeRef(
  'city:RU:petropavlovsk',
  'Petropavlovsk-Kamchatsky',
  ['RU-KAM', 'feature:russian-far-east', 'RU'],
  'city',
);
const KP = placeRef('KP', 'North Korea', [], 'country');
const UA = placeRef('UA', 'Ukraine', [], 'country');

describe('dropNonPeople', () => {
  it('keeps a count followed by the group it counts', () => {
    const ctx = doc([
      [
        'The North Koreans sent about 12,000 troops.',
        (t) => ({
          quantities: [count(t, 'about 12,000', 12000, 12000, { approx: 'about', counted: 'troops' })],
          groups: [group(t, 'North Koreans', 'general'), group(t, 'troops', 'soldiers')],
        }),
      ],
    ]);
    const [d] = dropNonPeople(ctx, drafts(ctx));
    expect(d?.counts?.label).toBe('troops');
  });
  it('drops a count of things (near miss: "124 trains")', () => {
    const ctx = doc([
      [
        '124 trains were used to resettle them.',
        (t) => ({ quantities: [count(t, '124', 124, 124, { counted: 'trains' })] }),
      ],
    ]);
    expect(dropNonPeople(ctx, drafts(ctx))).toEqual([]);
  });
  it('keeps a bare count with no noun after it', () => {
    const ctx = doc([
      [
        'Roughly 15,000 to 20,000 were present in any given year.',
        (t) => ({
          quantities: [count(t, 'Roughly 15,000 to 20,000', 15000, 20000)],
        }),
      ],
    ]);
    expect(dropNonPeople(ctx, drafts(ctx))).toHaveLength(1);
  });
  it('drops a number inside a time expression', () => {
    const ctx = doc([
      [
        'It lasted from 1946-1949.',
        (t) => ({ quantities: [count(t, '1946', 1946)], times: [year(t, '1946-1949', '1946', '1949')] }),
      ],
    ]);
    expect(dropNonPeople(ctx, drafts(ctx))).toEqual([]);
  });
});

describe('attachMeasure', () => {
  const measureOf = (sentence: string, quote: string, groups: (t: string) => ReturnType<typeof group>[] = () => []) => {
    const ctx = doc([[sentence, (t) => ({ quantities: [count(t, quote, 1)], groups: groups(t) })]]);
    return attachMeasure(ctx, dropNonPeople(ctx, drafts(ctx)))[0]?.measure;
  };
  it('reads a verb after the counted group: "were recruited" -> arrivals', () => {
    expect(
      measureOf(
        'roughly 9,000 North Korean migrant workers were recruited by the Soviet government.',
        'roughly 9,000',
        (t) => [group(t, 'North Korean migrant workers', 'workers')],
      ),
    ).toBe('arrivals');
  });
  it('reads a verb before the number: "captured 2 soldiers" -> count', () => {
    expect(
      measureOf('In 2025, Ukraine captured 2 soldiers from North Korea.', '2', (t) => [
        group(t, 'soldiers', 'soldiers'),
      ]),
    ).toBe('count');
  });
  it('skips words inside the counted group: "deported Koreans died" -> count, not departures', () => {
    expect(
      measureOf(
        'between 16,500 and 50,000 deported Koreans died from starvation.',
        'between 16,500 and 50,000',
        (t) => [group(t, 'deported Koreans', 'refugees', 'koreans')],
      ),
    ).toBe('count');
  });
  it('reads a noun: "their total population at roughly 10,000" -> population', () => {
    expect(measureOf('A study estimated their total population at roughly 10,000.', 'roughly 10,000')).toBe(
      'population',
    );
  });
  it('defaults to population when nothing says otherwise (near miss: "there were")', () => {
    expect(
      measureOf('In 1999, there were only between 100 and 500 refugees in the area.', 'between 100 and 500', (t) => [
        group(t, 'refugees', 'refugees'),
      ]),
    ).toBe('population');
  });
  it('counts people by origin as arrivals: "700 were from Myongchon"', () => {
    const ctx = doc([
      [
        'Of these, 700 were from Myongchon.',
        (t) => ({
          quantities: [count(t, '700', 700)],
          places: [place(t, 'Myongchon', placeRef('city:KP:myongchon', 'Myongchon', ['KP'], 'city'))],
        }),
      ],
    ]);
    expect(attachMeasure(ctx, drafts(ctx))[0]?.measure).toBe('arrivals');
  });
});

describe('attachGroup', () => {
  it('carries the specific group of the sentence before', () => {
    const ctx = doc([
      [
        'The second wave involved North Koreans working as lumberjacks.',
        (t) => ({ groups: [group(t, 'North Koreans', 'general'), group(t, 'lumberjacks', 'workers')] }),
      ],
      [
        'Roughly 15,000 to 20,000 were present in any given year.',
        (t) => ({ quantities: [count(t, 'Roughly 15,000 to 20,000', 15000, 20000)] }),
      ],
    ]);
    const [d] = attachGroup(ctx, drafts(ctx));
    expect(d?.group).toEqual({ kind: 'workers', label: 'North Koreans' });
    expect(d?.implied.group).toBe('previous-sentence');
  });
  it('does not carry across a section boundary (near miss)', () => {
    const ctx = doc(
      [
        ['Lumberjacks came.', (t) => ({ groups: [group(t, 'Lumberjacks', 'workers')] })],
        ['Roughly 15,000 were present.', (t) => ({ quantities: [count(t, 'Roughly 15,000', 15000)] })],
      ],
      null,
      [0, 1],
    );
    expect(attachGroup(ctx, drafts(ctx))[0]?.group).toBeNull();
  });
  it('takes the group after "of" for a share', () => {
    const ctx = doc([
      [
        '65% of the Sakhalin Koreans took up citizenship, unlike the workers.',
        (t) => ({
          quantities: [{ ...count(t, '65%', 65), dimension: 'percent', unit: 'percent' }],
          groups: [group(t, 'Sakhalin Koreans', 'community', 'koreans'), group(t, 'workers', 'workers')],
        }),
      ],
    ]);
    expect(attachGroup(ctx, drafts(ctx))[0]?.group?.kind).toBe('community');
  });
  it('makes a general group specific by a purpose word: "on work visas" -> workers', () => {
    const ctx = doc([
      [
        'more than 10,000 North Koreans entered Russia on work visas.',
        (t) => ({
          quantities: [count(t, 'more than 10,000', 10000, null, { approx: 'at-least' })],
          groups: [group(t, 'North Koreans', 'general', 'koreans')],
        }),
      ],
    ]);
    expect(attachGroup(ctx, dropNonPeople(ctx, drafts(ctx)))[0]?.group?.kind).toBe('workers');
  });
  it('looks past a weak head ("their population") to the subject before', () => {
    const ctx = doc([
      [
        'North Koreans in Russia consist of students and workers.',
        (t) => ({
          groups: [
            group(t, 'North Koreans', 'general', 'koreans'),
            group(t, 'students', 'students'),
            group(t, 'workers', 'workers'),
          ],
        }),
      ],
      [
        'A study estimated their total population at roughly 10,000.',
        (t) => ({
          quantities: [count(t, 'roughly 10,000', 10000)],
          groups: [group(t, 'their total population', 'general', 'population')],
        }),
      ],
    ]);
    expect(attachGroup(ctx, drafts(ctx))[0]?.group?.kind).toBe('general'); // the subject, not the list after it
  });
});

describe('attachTime', () => {
  it('takes the nearest time in the sentence', () => {
    const ctx = doc([
      [
        'One survey published in 2020 estimated their number to have been 50,000 between 1946 and 1949.',
        (t) => ({
          quantities: [count(t, '50,000', 50000)],
          times: [year(t, '2020', '2020'), year(t, 'between 1946 and 1949', '1946', '1949')],
        }),
      ],
    ]);
    expect(attachTime(ctx, drafts(ctx))[0]?.time?.interval).toEqual({ start: '1946', end: '1949' });
  });
  it('carries the nearest earlier time in the section, marked implied', () => {
    const ctx = doc([
      ['The second wave began in 1966 or 1967.', (t) => ({ times: [year(t, '1966 or 1967', '1966', '1967')] })],
      [
        'Roughly 15,000 to 20,000 were present.',
        (t) => ({ quantities: [count(t, 'Roughly 15,000 to 20,000', 15000, 20000)] }),
      ],
    ]);
    const [d] = attachTime(ctx, drafts(ctx));
    expect(d?.time?.interval.start).toBe('1966');
    expect(d?.implied.time).toBe('previous-sentence');
  });
});

describe('attachPlace', () => {
  it('prefers the destination for arrivals', () => {
    const ctx = doc([
      [
        '50,000 North Koreans went from North Korea to Kamchatka.',
        (t) => ({
          quantities: [count(t, '50,000', 50000)],
          places: [place(t, 'North Korea', KP), place(t, 'Kamchatka', KAMCHATKA)],
        }),
      ],
    ]);
    const [d] = attachPlace(
      ctx,
      drafts(ctx).map((x) => ({ ...x, measure: 'arrivals' as const })),
    );
    expect(d?.place?.name).toBe('Kamchatka Krai');
  });
  it('prefers a bare actor over an origin for a count: "Ukraine captured 2 soldiers from North Korea"', () => {
    const ctx = doc([
      [
        'In 2025, Ukraine captured 2 soldiers from North Korea.',
        (t) => ({
          quantities: [count(t, '2', 2)],
          places: [place(t, 'Ukraine', UA), place(t, 'North Korea', KP)],
        }),
      ],
    ]);
    const [d] = attachPlace(
      ctx,
      drafts(ctx).map((x) => ({ ...x, measure: 'count' as const })),
    );
    expect(d?.place?.name).toBe('Ukraine');
  });
  it('ignores demonyms and falls back to the document frame (implied)', () => {
    const ctx = doc(
      [
        [
          'The North Koreans sent about 12,000 troops according to Ukrainian intelligence.',
          (t) => ({
            quantities: [count(t, 'about 12,000', 12000)],
            places: [place(t, 'Ukrainian', UA, 'demonym')],
          }),
        ],
      ],
      RU,
    );
    const [d] = attachPlace(ctx, drafts(ctx));
    expect(d?.place?.name).toBe('Russia');
    expect(d?.implied.place).toBe('document');
  });
});

describe('documentFrame', () => {
  it('picks the deepest place holding half the weight, counting children for parents', () => {
    const ctx = doc([
      ['They went to Kamchatka.', (t) => ({ places: [place(t, 'Kamchatka', KAMCHATKA)] })],
      ['Ships went to Petropavlovsk.', (t) => ({ places: [place(t, 'Petropavlovsk', PETROPAVLOVSK)] })],
      ['Others came from North Korea.', (t) => ({ places: [place(t, 'North Korea', KP)] })],
    ]);
    expect(documentFrame(ctx.sentences, null)?.id).toBe('RU-KAM');
  });
  it('uses the title place when there is one', () => {
    expect(documentFrame([], RU)?.id).toBe('RU');
  });
});

describe('attachSource and attachRate', () => {
  it('attributes within the sentence only', () => {
    const ctx = doc([
      [
        'The North Koreans sent about 12,000 troops according to Ukrainian intelligence.',
        (t) => ({ quantities: [count(t, 'about 12,000', 12000)], attributions: [source(t, 'Ukrainian intelligence')] }),
      ],
      ['Ukraine captured 2 soldiers.', (t) => ({ quantities: [count(t, '2', 2)] })],
    ]);
    const [a, b] = attachSource(ctx, drafts(ctx));
    expect([a?.source, a?.modality]).toEqual(['Ukrainian intelligence', 'reported']);
    expect([b?.source, b?.modality]).toEqual([null, 'asserted']);
  });
  it('reads the modality cue: "suggested allowing up to 150,000" -> proposed', () => {
    const ctx = doc([
      [
        'Sergey Darkin suggested allowing up to 150,000 refugees to settle.',
        (t) => ({
          quantities: [count(t, 'up to 150,000', null, 150000, { approx: 'at-most' })],
          attributions: [source(t, 'Sergey Darkin')],
          modalities: [modality(t, 'suggested', 'proposed')],
        }),
      ],
    ]);
    expect(attachSource(ctx, drafts(ctx))[0]?.modality).toBe('proposed');
  });
  it('joins a rate later in the clause, not across a semicolon', () => {
    const ctx = doc([
      [
        'more than 10,000 entered Russia annually; 5 left monthly.',
        (t) => ({
          quantities: [count(t, 'more than 10,000', 10000, null), count(t, '5', 5)],
          rates: [rate(t, 'annually', 'year'), rate(t, 'monthly', 'month')],
        }),
      ],
    ]);
    expect(attachRate(ctx, drafts(ctx)).map((d) => d.per)).toEqual(['year', 'month']);
  });
});

describe('assembleClaims', () => {
  it('runs the whole chain on one sentence', () => {
    const ctx = doc([
      [
        'In 2025, Ukraine captured 2 soldiers from North Korea.',
        (t) => ({
          quantities: [count(t, '2', 2, 2, { counted: 'soldiers' })],
          times: [year(t, '2025', '2025')],
          groups: [group(t, 'soldiers', 'soldiers')],
          places: [place(t, 'Ukraine', UA), place(t, 'North Korea', KP)],
        }),
      ],
    ]);
    const [c] = assembleClaims(ctx);
    expect({
      measure: c?.measure,
      group: c?.group?.kind,
      time: c?.time?.interval.start,
      place: c?.place?.name,
    }).toEqual({
      measure: 'count',
      group: 'soldiers',
      time: '2025',
      place: 'Ukraine',
    });
  });
});

describe('attachMeasure: anaphoric "their number"', () => {
  it('takes the measure of the sentence before', () => {
    const ctx = doc([
      ['Exactly how many North Koreans went to Kamchatka is not known.', () => ({})],
      ['One survey estimated their number to have been 50,000.', (t) => ({ quantities: [count(t, '50,000', 50000)] })],
    ]);
    expect(attachMeasure(ctx, drafts(ctx))[0]?.measure).toBe('arrivals');
  });
  it('stays population when the sentence before says nothing (near miss)', () => {
    const ctx = doc([
      ['Little is known.', () => ({})],
      ['One survey estimated their number to have been 50,000.', (t) => ({ quantities: [count(t, '50,000', 50000)] })],
    ]);
    expect(attachMeasure(ctx, drafts(ctx))[0]?.measure).toBe('population');
  });
});

describe('dropNonPeople: links between a number and its group', () => {
  it('counts the group after "of": "tens of thousands of North Korean loggers"', () => {
    const ctx = doc([
      [
        'tens of thousands of North Korean loggers worked there.',
        (t) => ({
          quantities: [count(t, 'tens of thousands', 20000, 99999, { approx: 'vague', counted: 'loggers' })],
          groups: [group(t, 'North Korean loggers', 'workers')],
        }),
      ],
    ]);
    expect(dropNonPeople(ctx, drafts(ctx))[0]?.counts?.label).toBe('North Korean loggers');
  });
  it('does not reach a group across a verb (near miss)', () => {
    const ctx = doc([
      [
        'About 300 arrived and later the workers left.',
        (t) => ({ quantities: [count(t, 'About 300', 300)], groups: [group(t, 'workers', 'workers')] }),
      ],
    ]);
    expect(dropNonPeople(ctx, drafts(ctx))[0]?.counts).toBeNull();
  });
});

describe('refinements from news prose', () => {
  const KZ = placeRef('KZ', 'Kazakhstan', [], 'country');
  const UZ = placeRef('UZ', 'Uzbekistan', [], 'country');
  const SU = placeRef('feature:soviet-union', 'Soviet Union', [], 'feature');
  it('sees the preposition past adjectives: "in the former Soviet Union" is a location', () => {
    const ctx = doc([
      [
        'An estimated 500,000 Koryo-saram live in the former Soviet Union, many of them in Uzbekistan.',
        (t) => ({
          quantities: [count(t, 'An estimated 500,000', 500000)],
          places: [place(t, 'Soviet Union', SU), place(t, 'Uzbekistan', UZ)],
        }),
      ],
    ]);
    expect(attachPlace(ctx, drafts(ctx))[0]?.place?.name).toBe('Soviet Union');
  });
  it('breaks a tie for the place after the number', () => {
    const ctx = doc([
      [
        'About 180,000 live in Uzbekistan and roughly 100,000 in Kazakhstan.',
        (t) => ({
          quantities: [count(t, 'About 180,000', 180000), count(t, 'roughly 100,000', 100000)],
          places: [place(t, 'Uzbekistan', UZ), place(t, 'Kazakhstan', KZ)],
        }),
      ],
    ]);
    expect(attachPlace(ctx, drafts(ctx)).map((d) => d.place?.name)).toEqual(['Uzbekistan', 'Kazakhstan']);
  });
  it('reads "were left on" as a population, "left" alone as departures', () => {
    const measure = (sentence: string) => {
      const ctx = doc([[sentence, (t) => ({ quantities: [count(t, 'About 43,000', 43000)] })]]);
      return attachMeasure(ctx, drafts(ctx))[0]?.measure;
    };
    expect(measure('About 43,000 were left on Sakhalin.')).toBe('population');
    expect(measure('About 43,000 left Sakhalin.')).toBe('departures');
  });
  it('takes "the number of" as explicit, not anaphoric', () => {
    const ctx = doc([
      ['All workers had to be repatriated.', () => ({})],
      ['The number of workers fell from 30,023.', (t) => ({ quantities: [count(t, '30,023', 30023)] })],
    ]);
    expect(attachMeasure(ctx, drafts(ctx))[0]?.measure).toBe('population');
  });
  it('reads a purpose word only in the clause of the number', () => {
    const ctx = doc([
      [
        '12,775 North Koreans entered Russia, including 7,000 on student visas.',
        (t) => ({
          quantities: [count(t, '12,775', 12775, 12775, { counted: 'koreans' }), count(t, '7,000', 7000)],
          groups: [group(t, 'North Koreans', 'general', 'koreans')],
        }),
      ],
    ]);
    expect(attachGroup(ctx, dropNonPeople(ctx, drafts(ctx))).map((d) => d.group?.kind)).toEqual([
      'general',
      'students',
    ]);
  });
});

describe('dropNonPeople: decimals', () => {
  it('drops a small decimal ("CC BY-SA 4.0"), keeps "1.5 million"', () => {
    const ctx = doc([
      [
        'Licensed CC BY-SA 4.0 and read by 1.5 million people.',
        (t) => ({ quantities: [count(t, '4.0', 4), count(t, '1.5 million', 1500000, 1500000, { counted: 'people' })] }),
      ],
    ]);
    expect(dropNonPeople(ctx, drafts(ctx)).map((d) => d.quantity.text)).toEqual(['1.5 million']);
  });
});

describe('attachPlace: a figure continued from the sentence before', () => {
  const KR = placeRef('KR', 'South Korea', [], 'country');
  const arrivals = (ctx: ReturnType<typeof doc>) =>
    drafts(ctx).map((d) => ({
      ...d,
      measure: 'arrivals' as const,
      group: { kind: 'refugees' as const, label: 'defectors' },
    }));
  it('carries the place of the same kind of claim', () => {
    const ctx = doc(
      [
        [
          'Defectors arriving in South Korea peaked at 2,914 in 2009.',
          (t) => ({ quantities: [count(t, '2,914', 2914)], places: [place(t, 'South Korea', KR)] }),
        ],
        ['Arrivals fell to just 63 in 2021.', (t) => ({ quantities: [count(t, '63', 63)] })],
      ],
      RU,
    );
    const [, second] = attachPlace(ctx, arrivals(ctx));
    expect([second?.place?.name, second?.implied.place]).toEqual(['South Korea', 'previous-sentence']);
  });
  it('falls back to the frame when the sentence before made no claim (near miss)', () => {
    const ctx = doc(
      [
        ['Other communities live in South Korea.', (t) => ({ places: [place(t, 'South Korea', KR)] })],
        ['Roughly 80% speak Russian.', (t) => ({ quantities: [count(t, 'Roughly 80%', 80)] })],
      ],
      RU,
    );
    expect(attachPlace(ctx, drafts(ctx))[0]?.place?.name).toBe('Russia');
  });
});

describe('ClaimPlacer: a block at a time, before the frame is known', () => {
  const KR = placeRef('KR', 'South Korea', [], 'country');
  const sentences: Parameters<typeof doc>[0] = [
    [
      'About 500 defectors arrived in South Korea.',
      (t) => ({ quantities: [count(t, '500', 500)], places: [place(t, 'South Korea', KR)] }),
    ],
    ['Another 600 defectors arrived.', (t) => ({ quantities: [count(t, '600', 600)] })],
    ['Roughly 700 workers left.', (t) => ({ quantities: [count(t, '700', 700)] })],
    ['Some 800 workers stayed.', (t) => ({ quantities: [count(t, '800', 800)] })],
  ];
  const refugees = (ctx: ReturnType<typeof doc>) =>
    drafts(ctx).map((d, k) => ({
      ...d,
      group: { kind: k < 2 ? ('refugees' as const) : ('workers' as const), label: 'x' },
    }));
  it('leaves a claim that falls back on the frame without a place, saying where it would take it from', () => {
    const ctx = doc(sentences);
    const placer = new ClaimPlacer(ctx);
    const all = refugees(ctx);
    // two blocks: the claim before is carried across them
    const first = placer.add(all.slice(0, 2), statedPlaces(ctx, all.slice(0, 2)));
    const second = placer.add(all.slice(2), statedPlaces(ctx, all.slice(2)));
    expect([...first.drafts, ...second.drafts].map((d) => d.place?.name ?? null)).toEqual([
      'South Korea',
      'South Korea',
      null,
      null,
    ]);
    expect([...first.waits, ...second.waits]).toEqual([null, null, 'document', 'previous-sentence']);
  });
  it('places them as the whole document would once the frame is known', () => {
    const ctx = doc(sentences, RU);
    expect(attachPlace(ctx, refugees(ctx)).map((d) => [d.place?.name, d.implied.place])).toEqual([
      ['South Korea', undefined],
      ['South Korea', 'previous-sentence'],
      ['Russia', 'document'],
      ['Russia', 'previous-sentence'],
    ]);
  });
});

describe('attachTime: paragraphs', () => {
  it('carries no time into a new paragraph', () => {
    const ctx = doc([
      ['Arrivals rose to 196 in 2023.', (t) => ({ times: [year(t, '2023', '2023')] })],
      ['¶ Rights groups estimate that 30,000 live in hiding.', (t) => ({ quantities: [count(t, '30,000', 30000)] })],
    ]);
    expect(attachTime(ctx, drafts(ctx))[0]?.time).toBeNull();
  });
});
