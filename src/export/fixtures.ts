/** Hand-built records for the export tests (excluded from the build, as tsconfig says). */
import type { ClaimRecord, DocumentSummary, EventRecord, PlaceRecord } from '../store/types.js';
import type { ExportInput } from './common.js';

export const doc: DocumentSummary = {
  id: 'north-koreans-in-russia',
  title: 'North Koreans in Russia',
  source: 'https://en.wikipedia.org/wiki/North_Koreans_in_Russia',
  date: '2024-01-01',
  licence: 'CC BY-SA 4.0',
  format: 'mediawiki',
  hash: 'ab'.repeat(32),
  path: 'corpus/north-koreans-in-russia.txt',
  extractor: '2026.11.26',
  ingestedAt: '2026-11-26T12:00:00.000Z',
  length: 6111,
  claims: 2,
  events: 1,
};

export const sentences: Record<string, string[]> = {
  'north-koreans-in-russia': [
    'A 2006 study by Kyung Hee University estimated their total population at roughly 10,000.',
    'In 2017, "some" 30,000 workers, in Khabarovsk\nand Vladivostok, were deported.',
  ],
};

export const located: ClaimRecord = {
  id: 'c1',
  document: 'north-koreans-in-russia',
  sentenceIndex: 0,
  status: 'machine',
  machine: null,
  span: [225, 239],
  text: 'roughly 10,000',
  sentence: [152, 240],
  measure: 'population',
  value: { low: 10000, high: 10000, approx: 'about' },
  unit: 'person',
  per: null,
  group: { kind: 'general', label: 'North Koreans' },
  time: { start: '2006', end: '2006', edtf: '2006', precision: 'year' },
  place: { id: 'city:RU:khabarovsk', name: 'Khabarovsk', lat: 48.4827, lon: 135.0838 },
  source: 'Kyung Hee University',
  modality: 'estimated',
  rule: 'hedge + quantity',
};

export const unlocated: ClaimRecord = {
  ...located,
  id: 'c2',
  sentenceIndex: 1,
  status: 'corrected',
  span: [300, 306],
  text: '30,000',
  sentence: [280, 360],
  value: { low: 30000, high: 30000, approx: 'exact' },
  group: { kind: 'workers', label: '=HYPERLINK("http://evil.example","click")' },
  time: null,
  place: null,
  source: null,
  modality: 'asserted',
};

export const event: EventRecord = {
  id: 'e1',
  document: 'north-koreans-in-russia',
  sentenceIndex: 1,
  span: [340, 348],
  text: 'deported',
  sentence: [280, 360],
  type: 'deportation',
  time: { start: '2017', end: '2017', edtf: '2017', precision: 'year' },
  place: { id: 'city:US:santiago-west', name: 'West of Greenwich', lat: -33.45, lon: -70.66 },
  actors: ['Russia'],
};

export const places: (PlaceRecord & { claims: number; events: number })[] = [
  {
    id: 'city:RU:khabarovsk',
    name: 'Khabarovsk',
    kind: 'city',
    lat: 48.4827,
    lon: 135.0838,
    parents: ['RU-KHA', 'RU'],
    claims: 1,
    events: 0,
  },
  { id: 'feature:nowhere', name: 'Nowhere', kind: 'feature', lat: null, lon: null, parents: [], claims: 0, events: 0 },
  {
    id: 'city:US:santiago-west',
    name: 'West of Greenwich',
    kind: 'city',
    lat: -33.45,
    lon: -70.66,
    parents: [],
    claims: 0,
    events: 1,
  },
];

export function input(over: Partial<ExportInput> = {}): ExportInput {
  return {
    documents: [doc],
    claims: [located, unlocated],
    events: [event],
    places,
    sentenceText: (document, i) => sentences[document]?.[i] ?? '',
    ...over,
  };
}

/** A strict RFC 4180 reader, for reading exports back: rows of fields, CRLF line ends. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"' && field === '') {
      const close = (from: number): number => {
        for (let k = from; k < text.length; k++) {
          if (text[k] === '"') {
            if (text[k + 1] === '"') k++;
            else return k;
          }
        }
        throw new Error('unclosed quote');
      };
      const end = close(i + 1);
      field = text.slice(i + 1, end).replace(/""/g, '"');
      i = end + 1;
      if (text[i] !== ',' && text.slice(i, i + 2) !== '\r\n') throw new Error(`junk after quote at ${i}`);
      continue;
    }
    if (ch === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (text.startsWith('\r\n', i)) {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else if (ch === '"' || ch === '\r' || ch === '\n') {
      throw new Error(`bare ${JSON.stringify(ch)} at ${i}`);
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== '' || row.length > 0) throw new Error('no CRLF after the last record');
  return rows;
}
