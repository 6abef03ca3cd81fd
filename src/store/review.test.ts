import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import type { ClaimJson } from '../extract/index.js';
import {
  anchor,
  applyPatch,
  applyReview,
  applyReviews,
  assignIds,
  CONTEXT_LENGTH,
  checkReview,
  claimId,
  quoteSelector,
} from './review.js';
import type { ClaimRecord, ReviewAction, ReviewRecord, TextQuoteSelector } from './types.js';

const TEXT =
  'In 2015 about 10,000 North Korean workers lived in Vladivostok. ' +
  'By 2019 the number had fallen to 3,000, according to the ministry.';

/** a machine claim on the first occurrence of `quote` at or after `from` */
function claimOn(text: string, quote: string, from = 0, document = 'doc'): ClaimRecord {
  const start = text.indexOf(quote, from);
  if (start < 0) throw new Error(`no "${quote}" in the text`);
  const span: [number, number] = [start, start + quote.length];
  return {
    id: claimId(document, quoteSelector(text, span)),
    document,
    sentenceIndex: 0,
    span,
    text: quote,
    sentence: [0, text.length],
    measure: 'population',
    value: { low: 10000, high: 10000, approx: 'about' },
    unit: 'person',
    per: null,
    group: { kind: 'workers', label: 'North Korean workers', implied: 'previous sentence' },
    time: { start: '2015', end: '2015', edtf: '2015', precision: 'year', implied: 'previous sentence' },
    place: { name: 'Vladivostok', lat: 43.1, lon: 131.9, id: 'city:RU:vladivostok' },
    source: null,
    modality: 'asserted',
    rule: 'count',
    status: 'machine',
    machine: null,
  };
}

let clock = 0;
function reviewOf(
  text: string,
  claim: ClaimRecord,
  action: ReviewAction,
  patch: ReviewRecord['patch'] = null,
): ReviewRecord {
  clock++;
  return {
    id: `r${clock}`,
    document: claim.document,
    selector: quoteSelector(text, claim.span),
    action,
    patch,
    note: null,
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, clock)).toISOString(),
    state: 'applied',
    claim: claim.id,
  };
}

describe('quoteSelector', () => {
  it('keeps the quote, 32 characters either side and where it started', () => {
    const s = quoteSelector(TEXT, [TEXT.indexOf('3,000'), TEXT.indexOf('3,000') + 5]);
    expect(s.exact).toBe('3,000');
    expect(s.prefix).toBe(TEXT.slice(s.start - CONTEXT_LENGTH, s.start));
    expect(s.prefix).toHaveLength(32);
    expect(s.suffix).toBe(', according to the ministry.');
    expect(s.start).toBe(TEXT.indexOf('3,000'));
  });

  it('takes what there is at the edges of the text', () => {
    expect(quoteSelector('10,000 came', [0, 6])).toEqual({ exact: '10,000', prefix: '', suffix: ' came', start: 0 });
  });

  it('never cuts a surrogate pair in half', () => {
    // 32 code units back from the quote is the second half of a pair, and so is 32 units on
    const text = `${'😀'.repeat(20)}x500y${'😀'.repeat(20)}`;
    const start = text.indexOf('500');
    const s = quoteSelector(text, [start, start + 3]);
    expect(s.prefix).toBe(`${'😀'.repeat(15)}x`);
    expect(s.suffix).toBe(`y${'😀'.repeat(15)}`);
  });
});

describe('claimId', () => {
  const at = TEXT.indexOf('3,000');
  const selector = quoteSelector(TEXT, [at, at + 5]);

  it('is the document and 10 hex digits of the quote and its context', () => {
    expect(claimId('nk-in-russia', selector)).toMatch(/^nk-in-russia:[0-9a-f]{10}$/);
  });

  it('stays when the quote and its context stay, wherever they move', () => {
    const moved = `A new first sentence. ${TEXT}`;
    const start = moved.indexOf('3,000');
    expect(claimId('d', quoteSelector(moved, [start, start + 5]))).toBe(claimId('d', selector));
  });

  it('changes when the context changes', () => {
    const edited = TEXT.replace('according to', 'said');
    const start = edited.indexOf('3,000');
    expect(claimId('d', quoteSelector(edited, [start, start + 5]))).not.toBe(claimId('d', selector));
  });

  it('numbers identical quotes in document order: -2, -3', () => {
    const same: TextQuoteSelector = { exact: '5', prefix: 'a ', suffix: ' b', start: 0 };
    const other: TextQuoteSelector = { exact: '6', prefix: 'a ', suffix: ' b', start: 9 };
    const ids = assignIds('d', [same, other, { ...same, start: 20 }, { ...same, start: 30 }]);
    expect(ids[2]).toBe(`${ids[0]}-2`);
    expect(ids[3]).toBe(`${ids[0]}-3`);
    expect(new Set(ids).size).toBe(4);
  });

  it('keeps events apart from claims with a tag', () => {
    const [event] = assignIds('d', [selector], 'e');
    expect(event).toMatch(/^d:e[0-9a-f]{10}$/);
    expect(event!.slice(3)).toBe(claimId('d', selector).slice(2));
  });
});

describe('anchor', () => {
  const span = (text: string, quote: string, from = 0): [number, number] => {
    const at = text.indexOf(quote, from);
    return [at, at + quote.length];
  };

  it('finds the quote where it was in an unchanged text', () => {
    const at = span(TEXT, '3,000');
    expect(anchor(TEXT, quoteSelector(TEXT, at))).toEqual(at);
  });

  it('follows a quote that moved', () => {
    const selector = quoteSelector(TEXT, span(TEXT, '3,000'));
    const edited = `Preface added later, pushing everything along. ${TEXT}`;
    expect(anchor(edited, selector)).toEqual(span(edited, '3,000'));
  });

  it('returns null when the quote is gone', () => {
    const selector = quoteSelector(TEXT, span(TEXT, '3,000'));
    expect(anchor(TEXT.replace('3,000', 'three thousand'), selector)).toBeNull();
  });

  it('prefers the occurrence whose context matches over a nearer one', () => {
    const text = 'Workers: 500 arrived. Students: 500 arrived.';
    const selector = quoteSelector(text, span(text, '500', 20));
    expect(anchor(text, { ...selector, start: 0 })).toEqual(span(text, '500', 20));
  });

  it('prefers better context agreement when the context was edited', () => {
    const text = 'Workers: 500 arrived in May. Students: 500 left in June.';
    const selector = quoteSelector(text, span(text, '500', 20));
    const edited = text.replace('Students', 'Pupils');
    expect(anchor(edited, { ...selector, start: 0 })).toEqual(span(edited, '500', 20));
  });

  it('breaks ties between equal matches by distance to where the quote was', () => {
    const text = 'x 7 y. x 7 y. x 7 y.';
    const selector: TextQuoteSelector = { exact: '7', prefix: 'x ', suffix: ' y', start: 9 };
    expect(anchor(text, selector)).toEqual([9, 10]);
    expect(anchor(text, { ...selector, start: 17 })).toEqual([16, 17]);
    expect(anchor(text, { ...selector, start: 0 })).toEqual([2, 3]);
  });

  it('reads the quote as text, not as a pattern', () => {
    const text = 'Counts: (1,000+) [est.] and 1x000 more.';
    const selector = quoteSelector(text, span(text, '(1,000+)'));
    expect(anchor(text, selector)).toEqual(span(text, '(1,000+)'));
    expect(anchor('1,000 and 1x000', { exact: '1.000', prefix: '', suffix: '', start: 0 })).toBeNull();
  });

  it('anchors nothing for an empty quote', () => {
    expect(anchor(TEXT, { exact: '', prefix: '', suffix: '', start: 0 })).toBeNull();
  });

  it('stays fast on a long text with many candidates', () => {
    const text = 'ab '.repeat(200_000);
    const t0 = performance.now();
    expect(anchor(text, { exact: 'ab', prefix: 'xx', suffix: 'yy', start: 300_000 })).toEqual([300_000, 300_002]);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe('applyPatch', () => {
  const claim: ClaimJson = (({ id, document, sentenceIndex, status, machine, ...json }) => json)(
    claimOn(TEXT, '10,000'),
  );

  it('sets value fields and leaves the rest', () => {
    const patched = applyPatch(claim, { low: 9000, high: 11000, approx: 'range' });
    expect(patched.value).toEqual({ low: 9000, high: 11000, approx: 'range' });
    expect(patched.group).toEqual(claim.group);
    expect(claim.value.low).toBe(10000);
  });

  it('sets unit, per, measure, source and modality', () => {
    const patched = applyPatch(claim, {
      unit: 'USD',
      per: 'month',
      measure: 'money',
      source: 'the ministry',
      modality: 'reported',
    });
    expect(patched).toMatchObject({
      unit: 'USD',
      per: 'month',
      measure: 'money',
      source: 'the ministry',
      modality: 'reported',
    });
  });

  it('corrects the group kind, its label, or clears it; a corrected group is no longer implied', () => {
    expect(applyPatch(claim, { groupKind: 'students' }).group).toEqual({
      kind: 'students',
      label: 'North Korean workers',
    });
    expect(applyPatch(claim, { groupLabel: 'loggers' }).group).toEqual({ kind: 'workers', label: 'loggers' });
    expect(applyPatch(claim, { groupKind: null }).group).toBeNull();
    expect(applyPatch({ ...claim, group: null }, { groupLabel: 'loggers' }).group).toEqual({
      kind: 'other',
      label: 'loggers',
    });
  });

  it('replaces or clears the time and the place', () => {
    const time = { start: '2016', end: '2017', precision: 'year' as const, edtf: '2016/2017' };
    expect(applyPatch(claim, { time }).time).toEqual(time);
    expect(applyPatch(claim, { time: null }).time).toBeNull();
    const place = { id: 'RU-KHA', name: 'Khabarovsk Krai', lat: 50, lon: 136 };
    expect(applyPatch(claim, { place }).place).toEqual({ name: 'Khabarovsk Krai', lat: 50, lon: 136, id: 'RU-KHA' });
    expect(applyPatch(claim, { place: null }).place).toBeNull();
  });

  it('leaves span, text and rule alone', () => {
    const patched = applyPatch(claim, { low: 1 });
    expect([patched.span, patched.text, patched.sentence, patched.rule]).toEqual([
      claim.span,
      claim.text,
      claim.sentence,
      claim.rule,
    ]);
  });
});

describe('checkReview', () => {
  it('wants a patch for a correction and none otherwise', () => {
    expect(() => checkReview({ action: 'correct', patch: null, note: null })).toThrow(InputError);
    expect(() => checkReview({ action: 'correct', patch: {}, note: null })).toThrow(/at least one field/);
    expect(() => checkReview({ action: 'accept', patch: { low: 1 }, note: null })).toThrow(/accept takes no fields/);
    expect(() => checkReview({ action: 'maybe' as ReviewAction, patch: null, note: null })).toThrow(
      /invalid review action: maybe/,
    );
    expect(() => checkReview({ action: 'reject', patch: null, note: 'wrong' })).not.toThrow();
  });
});

describe('applyReviews', () => {
  const first = claimOn(TEXT, '10,000');
  const second = claimOn(TEXT, '3,000');
  const claims = [first, second];
  const run = (reviews: ReviewRecord[], text = TEXT, on = claims) => applyReviews(text, on, reviews);

  it('reject -> rejected', () => {
    const out = run([reviewOf(TEXT, second, 'reject')]);
    expect(out.claims.map((c) => c.status)).toEqual(['machine', 'rejected']);
    expect(out.reviews[0]).toMatchObject({ state: 'applied', claim: second.id });
  });

  it('accept -> accepted', () => {
    expect(run([reviewOf(TEXT, first, 'accept')]).claims[0]!.status).toBe('accepted');
  });

  it('correct -> corrected, the machine claim kept, corrections merged in order', () => {
    const out = run([
      reviewOf(TEXT, first, 'correct', { low: 9000 }),
      reviewOf(TEXT, first, 'correct', { high: 12000, approx: 'range' }),
      reviewOf(TEXT, first, 'correct', { low: 9500 }),
    ]);
    const c = out.claims[0]!;
    expect(c.status).toBe('corrected');
    expect(c.value).toEqual({ low: 9500, high: 12000, approx: 'range' });
    const { id, document, sentenceIndex, status, machine, ...original } = first;
    expect(c.machine).toEqual(original);
    expect(c.id).toBe(first.id);
  });

  it('an accept after a correction keeps it corrected', () => {
    const out = run([reviewOf(TEXT, first, 'correct', { low: 1 }), reviewOf(TEXT, first, 'accept')]);
    expect(out.claims[0]).toMatchObject({ status: 'corrected', value: { low: 1 } });
  });

  it('a later reject wins over a correction', () => {
    const out = run([reviewOf(TEXT, first, 'correct', { low: 1 }), reviewOf(TEXT, first, 'reject')]);
    expect(out.claims[0]!.status).toBe('rejected');
  });

  it('a correction after a reject makes it corrected, an accept after a reject accepted', () => {
    expect(
      run([reviewOf(TEXT, first, 'reject'), reviewOf(TEXT, first, 'correct', { low: 2 })]).claims[0],
    ).toMatchObject({ status: 'corrected', value: { low: 2 } });
    expect(run([reviewOf(TEXT, first, 'reject'), reviewOf(TEXT, first, 'accept')]).claims[0]!.status).toBe('accepted');
  });

  it('does not change its inputs', () => {
    const reviews = [reviewOf(TEXT, first, 'correct', { low: 3 })];
    run(reviews);
    expect(first.status).toBe('machine');
    expect(first.value.low).toBe(10000);
    expect(reviews[0]!.claim).toBe(first.id);
  });

  it('edited text, quote moved: still applied, to the claim now standing there', () => {
    const review = reviewOf(TEXT, second, 'correct', { low: 2500 });
    const edited = `An introduction that was not there before. ${TEXT.replace('By 2019', 'By the end of 2019')}`;
    const moved = [claimOn(edited, '10,000'), claimOn(edited, '3,000')];
    const out = run([review], edited, moved);
    expect(out.reviews[0]).toMatchObject({ state: 'applied', claim: moved[1]!.id });
    expect(out.claims[1]).toMatchObject({ status: 'corrected', value: { low: 2500 } });
    expect(out.claims[0]!.status).toBe('machine');
  });

  it('edited text, quote deleted: orphaned, no claim touched', () => {
    const review = reviewOf(TEXT, second, 'reject');
    const edited = TEXT.replace(' By 2019 the number had fallen to 3,000, according to the ministry.', '');
    const out = run([review], edited, [claimOn(edited, '10,000')]);
    expect(out.reviews[0]).toMatchObject({ state: 'orphaned', claim: null });
    expect(out.claims[0]!.status).toBe('machine');
  });

  it('quote still there but no claim on it any more: orphaned', () => {
    const out = run([reviewOf(TEXT, second, 'reject')], TEXT, [first]);
    expect(out.reviews[0]).toMatchObject({ state: 'orphaned', claim: null });
  });

  it('same quote twice: the review goes to the occurrence nearest where it was made', () => {
    const text = 'x 7 y. x 7 y.';
    const a = claimOn(text, '7');
    const b = claimOn(text, '7', 5);
    const review = { ...reviewOf(text, b, 'reject'), selector: { exact: '7', prefix: 'x ', suffix: ' y', start: 9 } };
    const out = run([review], text, [a, b]);
    expect(out.claims.map((c) => c.status)).toEqual(['machine', 'rejected']);
  });

  it('two claims on one span: the review stays with the claim it was made on', () => {
    const other = { ...first, id: `${first.id}-2`, measure: 'arrivals' as const };
    const out = run([reviewOf(TEXT, other, 'reject')], TEXT, [first, other]);
    expect(out.claims.map((c) => c.status)).toEqual(['machine', 'rejected']);
  });
});

describe('applyReview', () => {
  it('keeps identity fields through a correction', () => {
    const claim = claimOn(TEXT, '10,000');
    const next = applyReview(claim, { action: 'correct', patch: { measure: 'arrivals' } });
    expect(next).toMatchObject({ id: claim.id, document: 'doc', sentenceIndex: 0, status: 'corrected' });
    expect(next.machine?.measure).toBe('population');
  });
});
