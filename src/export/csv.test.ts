import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prepareDocument } from '../ingest/prepare.js';
import type { ClaimRecord, EventRecord } from '../store/types.js';
import { CSV_COLUMNS, CSV_HEADER, csvCell, csvLines, exportCsv } from './csv.js';
import { doc, event, input, located, parseCsv, unlocated } from './fixtures.js';

const column = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);

describe('csvCell: RFC 4180 quoting', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['crlf\r\ninside', '"crlf\r\ninside"'],
    ['', ''],
  ])('%j -> %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('null and undefined are empty; numbers are written as numbers', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(10000)).toBe('10000');
    expect(csvCell(12.5)).toBe('12.5');
    expect(csvCell(Number.NaN)).toBe('');
  });
});

describe('csvCell: formula injection', () => {
  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+7 495 000', "'+7 495 000"],
    ['-5 workers', "'-5 workers"],
    ['@cmd', "'@cmd"],
    ['\tTAB', "'\tTAB"],
    ['\rCR', `"'\rCR"`],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['=1,2', `"'=1,2"`],
  ])('text %j -> %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('near misses: a negative number, and text with = later on, stay as they are', () => {
    expect(csvCell(-70.66)).toBe('-70.66');
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell(' =x')).toBe(' =x');
    expect(csvCell('1+1')).toBe('1+1');
  });
});

describe('exportCsv', () => {
  const rows = parseCsv(exportCsv(input()));

  it('starts with the header and ends every line with CRLF', () => {
    const csv = exportCsv(input());
    expect(csv.startsWith(CSV_HEADER)).toBe(true);
    expect(CSV_HEADER).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
  });

  it('has one row per claim and per event, with a kind column', () => {
    expect(rows).toHaveLength(1 + 2 + 1);
    expect(rows.slice(1).map((r) => [r[column('id')], r[column('kind')]])).toEqual([
      ['c1', 'claim'],
      ['c2', 'claim'],
      ['e1', 'event'],
    ]);
    for (const r of rows) expect(r).toHaveLength(CSV_COLUMNS.length);
  });

  it('writes a claim with its citation, place and span', () => {
    const row = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, rows[1]![i]]));
    expect(row).toEqual({
      id: 'c1',
      kind: 'claim',
      document: doc.id,
      document_title: 'North Koreans in Russia',
      document_url: 'https://en.wikipedia.org/wiki/North_Koreans_in_Russia',
      text: 'roughly 10,000',
      measure: 'population',
      event_type: '',
      low: '10000',
      high: '10000',
      approx: 'about',
      unit: 'person',
      per: '',
      group_kind: 'general',
      group_label: 'North Koreans',
      time_start: '2006',
      time_end: '2006',
      time_edtf: '2006',
      place_id: 'city:RU:khabarovsk',
      place_name: 'Khabarovsk',
      lat: '48.4827',
      lon: '135.0838',
      source: 'Kyung Hee University',
      modality: 'estimated',
      status: 'machine',
      sentence: 'A 2006 study by Kyung Hee University estimated their total population at roughly 10,000.',
      span_start: '225',
      span_end: '239',
    });
  });

  it('defuses a formula in a claim and keeps quotes and line breaks of a sentence', () => {
    const row = rows[2]!;
    expect(row[column('group_label')]).toBe('\'=HYPERLINK("http://evil.example","click")');
    expect(row[column('sentence')]).toBe(
      'In 2017, "some" 30,000 workers, in Khabarovsk\nand Vladivostok, were deported.',
    );
    expect(row[column('place_id')]).toBe('');
    expect(row[column('status')]).toBe('corrected');
  });

  it('writes an event with its type, leaves claim-only columns empty, keeps negative coordinates', () => {
    const row = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, rows[3]![i]]));
    expect(row).toMatchObject({ kind: 'event', event_type: 'deportation', measure: '', low: '', status: '' });
    expect([row.lat, row.lon]).toEqual(['-33.45', '-70.66']);
  });

  it('cites null title and URL for a document it was not given', () => {
    const r = parseCsv(exportCsv(input({ documents: [] })));
    expect([r[1]![column('document_title')], r[1]![column('document_url')]]).toEqual(['', '']);
  });

  it('an empty store gives the header alone', () => {
    expect(exportCsv(input({ claims: [], events: [] }))).toBe(CSV_HEADER);
  });
});

describe('csvLines: streaming', () => {
  it('pulls records only as lines are read', () => {
    let pulled = 0;
    function* claims(): Generator<ClaimRecord> {
      for (let i = 0; i < 1_000_000; i++) {
        pulled++;
        yield { ...located, id: `c${i}` };
      }
    }
    const lines = csvLines(input({ claims: claims() }));
    expect(lines.next().value).toBe(CSV_HEADER);
    expect(lines.next().value).toMatch(/^c0,claim,/);
    expect(lines.next().value).toMatch(/^c1,claim,/);
    expect(pulled).toBe(2);
  });

  it('header: false writes rows only, for the documents after the first', () => {
    const first = [...csvLines(input({ claims: [located], events: [] }))];
    const rest = [...csvLines(input({ claims: [unlocated], events: [event] }), { header: false })];
    expect(first[0]).toBe(CSV_HEADER);
    expect(rest.some((l) => l === CSV_HEADER)).toBe(false);
    expect(first.concat(rest).join('')).toBe(exportCsv(input()));
  });
});

describe('exportCsv: the seed article end to end', () => {
  it('reads back to one row per claim and event, each text at its span', () => {
    const path = new URL('../../corpus/north-koreans-in-russia.txt', import.meta.url).pathname;
    const prepared = prepareDocument(path, readFileSync(path));
    const claims: ClaimRecord[] = prepared.claims.map((c, i) => ({
      ...c,
      id: `c${i}`,
      document: prepared.id,
      status: 'machine',
      machine: null,
    }));
    const events: EventRecord[] = prepared.events.map((e, i) => ({ ...e, id: `e${i}`, document: prepared.id }));
    const sentenceText = (_: string, i: number) =>
      prepared.text.slice(prepared.sentences[i]!.start, prepared.sentences[i]!.end);
    const rows = parseCsv(exportCsv({ documents: [doc], claims, events, places: [], sentenceText }));
    expect(rows).toHaveLength(1 + claims.length + events.length);
    for (const row of rows.slice(1)) {
      const [start, end] = [Number(row[column('span_start')]), Number(row[column('span_end')])];
      expect(row[column('text')]!.replace(/^'/, '')).toBe(prepared.text.slice(start, end));
      expect(row[column('sentence')]).toContain(prepared.text.slice(start, end));
    }
  });
});
