/**
 * The development documents and their gold, read for the annotator tests. Sentences are split
 * here with a deliberately naive splitter (a stop, then space and a capital), so the tests do
 * not depend on the corpus reader; the annotators only ever see one sentence.
 */
import { existsSync, readFileSync } from 'node:fs';
import { tokenize } from '../tokenize.js';
import type { SentenceContext } from '../types.js';

const SHARED = new URL('../../../test/fixtures/eval', import.meta.url).pathname;

export interface GoldEvent {
  id: string;
  context: string;
  type: string | string[];
  optional?: boolean;
}

export interface GoldClaim {
  id: string;
  context: string;
  quote: string;
  source: string[] | 'any' | null;
  modality?: string;
  optional?: boolean;
}

export interface GoldDocument {
  name: string;
  text: string;
  sentences: SentenceContext[];
  events: GoldEvent[];
  claims: GoldClaim[];
}

const NAMES = [
  'seed',
  '15-north-korean-defectors-overview',
  '18-deportation-of-koreans-1937',
  '23-sakhalin-koreans-overview',
  '26-koreans-in-kamchatka',
  '35-vietnamese-people-in-russia',
];

export const haveGold = (): boolean => existsSync(`${SHARED}/eval/gold/seed.json`);

/** Splits each line at a sentence stop (with its reference marks) followed by space and a capital. */
export function naiveSentences(text: string): SentenceContext[] {
  const out: SentenceContext[] = [];
  const line = /[^\n]+/g;
  for (let m = line.exec(text); m !== null; m = line.exec(text)) {
    const stop = /[.!?]["”\]\d]*(?:\[\d+\])*\s+(?=["“[]?[A-Z0-9[])/g;
    let from = 0;
    for (let b = stop.exec(m[0]); b !== null; b = stop.exec(m[0])) {
      out.push(context(text, m.index + from, m.index + b.index + b[0].trimEnd().length, out.length));
      from = b.index + b[0].length;
    }
    if (from < m[0].length) out.push(context(text, m.index + from, m.index + m[0].length, out.length));
  }
  return out;
}

function context(text: string, start: number, end: number, index: number): SentenceContext {
  const sentence = { start, end, index, section: null };
  return { text, sentence, tokens: tokenize(text, sentence) };
}

export function goldDocuments(): GoldDocument[] {
  return NAMES.map((name) => {
    const gold = JSON.parse(readFileSync(`${SHARED}/eval/gold/${name}.json`, 'utf8'));
    const text = readFileSync(`${SHARED}/${gold.document}`, 'utf8');
    return { name, text, sentences: naiveSentences(text), events: gold.events ?? [], claims: gold.claims ?? [] };
  });
}

/** Builds the context of a one-sentence text, as the tests write it. */
export function sentence(text: string): SentenceContext {
  return context(text, 0, text.length, 0);
}
