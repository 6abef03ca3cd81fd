// Test helpers: hand-built annotations for one sentence, located by quoting the sentence, so
// each refiner can be tested without running the annotators.
import { tokenize } from '../tokenize.js';
import type {
  Attribution,
  GroupKind,
  GroupMention,
  ModalityCue,
  PlaceMention,
  PlaceRef,
  Quantity,
  RateMention,
  TimeExpr,
} from '../types.js';
import type { AssemblyContext, ClaimDraft, SentenceAnnotations } from './draft.js';
import { fromQuantities } from './from-quantities.js';

type Parts = Partial<Omit<SentenceAnnotations, 'sentence' | 'tokens'>>;

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** Offsets of `quote` in `text`: its first occurrence as whole words ("2" is not found in "2025"). */
export function at(text: string, quote: string) {
  for (let start = text.indexOf(quote); start >= 0; start = text.indexOf(quote, start + 1)) {
    const end = start + quote.length;
    if (!isWordChar(text[start - 1]) && !isWordChar(text[end])) return { start, end, text: quote, rule: 'test' };
  }
  throw new Error(`quote not found: ${quote}`);
}

/**
 * Builds a document of sentences separated by a space (or a blank line before a sentence that
 * starts with "¶ "); `build` receives each sentence's text.
 */
export function doc(
  specs: Array<[string, (text: string, offset: number) => Parts]>,
  frame: PlaceRef | null = null,
  sections: Array<number | null> = [],
): AssemblyContext {
  let text = '';
  const sentences: SentenceAnnotations[] = [];
  specs.forEach(([written, build], index) => {
    const sentenceText = written.replace(/^¶ /, '');
    if (text) text += written === sentenceText ? ' ' : '\n\n';
    const start = text.length;
    text += sentenceText;
    const sentence = { start, end: text.length, index, section: sections[index] ?? null };
    const shift = <T extends { start: number; end: number }>(xs: T[] | undefined) =>
      (xs ?? []).map((x) => ({ ...x, start: x.start + start, end: x.end + start }));
    const p = build(sentenceText, start);
    sentences.push({
      sentence,
      tokens: tokenize(text, sentence),
      quantities: shift(p.quantities),
      times: shift(p.times),
      places: shift(p.places),
      groups: shift(p.groups),
      attributions: shift(p.attributions),
      modalities: shift(p.modalities),
      events: shift(p.events),
      rates: shift(p.rates),
      entities: shift(p.entities),
    });
  });
  return { text, title: null, sentences, frame };
}

export const count = (
  text: string,
  quote: string,
  low: number | null,
  high = low,
  extra: Partial<Quantity> = {},
): Quantity => ({
  ...at(text, quote),
  dimension: 'count',
  low,
  high,
  approx: low === high ? 'exact' : 'range',
  hedge: null,
  unit: null,
  per: null,
  counted: null,
  ...extra,
});

export const group = (
  text: string,
  quote: string,
  kind: GroupKind,
  head = quote.split(' ').pop()!.toLowerCase(),
): GroupMention => ({
  ...at(text, quote),
  kind,
  head,
  label: quote,
});

export const year = (text: string, quote: string, start: string, end = start): TimeExpr => ({
  ...at(text, quote),
  interval: { start, end },
  precision: 'year',
  edtf: start === end ? start : `${start}/${end}`,
  approximate: false,
  bound: 'interval',
  relative: false,
});

export const placeRef = (
  id: string,
  name: string,
  parents: string[] = [],
  kind: PlaceRef['kind'] = 'region',
): PlaceRef => ({
  id,
  name,
  kind,
  lat: null,
  lon: null,
  parents,
});

export const place = (
  text: string,
  quote: string,
  ref: PlaceRef,
  role: PlaceMention['role'] = 'place',
): PlaceMention => ({
  ...at(text, quote),
  role,
  place: ref,
});

export const source = (text: string, quote: string): Attribution => ({
  ...at(text, quote),
  source: quote,
  cue: 'test',
});
export const modality = (text: string, quote: string, m: ModalityCue['modality']): ModalityCue => ({
  ...at(text, quote),
  modality: m,
});
export const rate = (text: string, quote: string, per: RateMention['per']): RateMention => ({
  ...at(text, quote),
  per,
});

/** The drafts a context starts with (one per count, share or money quantity). */
export const drafts = (ctx: AssemblyContext): ClaimDraft[] => fromQuantities(ctx);
