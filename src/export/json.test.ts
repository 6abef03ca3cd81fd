import { describe, expect, it } from 'vitest';
import type { ClaimRecord } from '../store/types.js';
import { doc, event, input, located, places, unlocated } from './fixtures.js';
import { exportJson, type JsonExport, jsonChunks } from './json.js';

const GENERATED = '2026-11-26T12:00:00.000Z';

describe('exportJson', () => {
  const parsed = JSON.parse(exportJson(input(), { generated: GENERATED })) as JsonExport;

  it('parses back to generated, documents, places, claims and events', () => {
    expect(Object.keys(parsed)).toEqual(['generated', 'documents', 'places', 'claims', 'events']);
    expect(parsed.generated).toBe(GENERATED);
    expect(parsed.documents).toEqual([doc]);
    expect(parsed.places).toEqual(places);
  });

  it('keeps each record whole and adds its citation', () => {
    expect(parsed.claims[0]).toEqual({
      ...located,
      citation: {
        title: 'North Koreans in Russia',
        url: 'https://en.wikipedia.org/wiki/North_Koreans_in_Russia',
        sentence: 'A 2006 study by Kyung Hee University estimated their total population at roughly 10,000.',
      },
    });
    expect(parsed.claims[1]).toMatchObject({ id: 'c2', place: null, status: 'corrected' });
    expect(parsed.events[0]).toMatchObject({ ...event, citation: { title: 'North Koreans in Russia' } });
    expect(parsed.events[0]!.citation.sentence).toContain('"some" 30,000');
  });

  it('cites null for a document it was not given', () => {
    const out = JSON.parse(exportJson(input({ documents: [] }), { generated: GENERATED })) as JsonExport;
    expect(out.claims[0]!.citation).toMatchObject({ title: null, url: null });
  });

  it('an empty store parses back to empty lists', () => {
    const out = JSON.parse(exportJson({ ...input(), documents: [], claims: [], events: [], places: [] }));
    expect(out).toEqual({ generated: expect.any(String), documents: [], places: [], claims: [], events: [] });
  });

  it('defaults generated to now, as ISO 8601', () => {
    const out = JSON.parse(exportJson(input())) as JsonExport;
    expect(Math.abs(Date.parse(out.generated) - Date.now())).toBeLessThan(60_000);
  });

  it('escapes what JSON must (quotes, line breaks, U+2028) and still parses', () => {
    const odd: ClaimRecord = { ...unlocated, text: 'a "b"\n\u2028</script>' };
    const out = JSON.parse(exportJson(input({ claims: [odd] }), { generated: GENERATED })) as JsonExport;
    expect(out.claims[0]!.text).toBe('a "b"\n\u2028</script>');
  });
});

describe('jsonChunks: streaming', () => {
  it('concatenates to exportJson and pulls claims lazily', () => {
    expect([...jsonChunks(input(), { generated: GENERATED })].join('')).toBe(
      exportJson(input(), { generated: GENERATED }),
    );
    let pulled = 0;
    function* claims(): Generator<ClaimRecord> {
      for (;;) {
        pulled++;
        yield located;
      }
    }
    const chunks = jsonChunks(input({ claims: claims() }), { generated: GENERATED });
    for (let i = 0; i < 8; i++) chunks.next();
    expect(pulled).toBeLessThan(8);
  });

  it('writes one record per line', () => {
    const lines = exportJson(input(), { generated: GENERATED }).split('\n');
    // 2 claims and 1 event, each whole on its line with its citation
    expect(lines.filter((l) => l.startsWith('{"id":') && l.includes('"citation":'))).toHaveLength(3);
    for (const l of lines.filter((l) => l.startsWith('{"'))) JSON.parse(l.replace(/,$/, ''));
  });
});
