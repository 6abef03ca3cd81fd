import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { MAX_FRONT_MATTER_CHARS, normaliseDate, readFrontMatter } from './front-matter.js';

describe('readFrontMatter', () => {
  it('reads title, source, date and licence, and where the body starts', () => {
    const src =
      '---\ntitle: Koreans in Kamchatka\nurl: https://example.org/k\ndate: 2020-05-01\nlicense: CC BY-SA\n---\nBody.';
    const fm = readFrontMatter(src, 'k.md');
    expect(fm.present).toBe(true);
    expect(fm.meta).toEqual({
      title: 'Koreans in Kamchatka',
      source: 'https://example.org/k',
      date: '2020-05-01',
      licence: 'CC BY-SA',
    });
    expect(src.slice(fm.bodyStart)).toBe('Body.');
  });

  it('prefers source over url over source_url, and accepts CRLF, a BOM and a closing ...', () => {
    const src = '\uFEFF---\r\nsource_url: c\r\nurl: b\r\nsource: a\r\nlicence: MIT\r\n...\r\nBody.';
    const fm = readFrontMatter(src, 'x.txt');
    expect(fm.meta.source).toBe('a');
    expect(fm.meta.licence).toBe('MIT');
    expect(src.slice(fm.bodyStart)).toBe('Body.');
  });

  it('is absent without an opening line at the very start or without a closing line', () => {
    expect(readFrontMatter('Text\n---\ntitle: x\n---\n', 'a').present).toBe(false);
    expect(readFrontMatter('---\ntitle: x\nno closing line', 'a')).toMatchObject({ present: false, bodyStart: 0 });
    expect(readFrontMatter('\uFEFFText', 'a').bodyStart).toBe(1);
  });

  it('accepts empty front matter', () => {
    const fm = readFrontMatter('---\n---\nBody', 'a');
    expect(fm.meta).toEqual({ title: null, source: null, date: null, licence: null });
    expect(fm.bodyStart).toBe(8);
  });

  it('rejects malformed YAML with a message naming the file', () => {
    expect(() => readFrontMatter('---\ntitle: [unclosed\n---\nBody', 'docs/a.md')).toThrow(InputError);
    expect(() => readFrontMatter('---\ntitle: [unclosed\n---\nBody', 'docs/a.md')).toThrow(
      /invalid front matter in docs\/a\.md: .*expected YAML/,
    );
    expect(() => readFrontMatter('---\ntitle: a\ntitle: b\n---\n', 'a.md')).toThrow(InputError);
  });

  it('rejects front matter that is not key: value pairs, and fields of the wrong kind', () => {
    expect(() => readFrontMatter('---\n- a\n- b\n---\n', 'a.md')).toThrow(/found a list/);
    expect(() => readFrontMatter('---\ntitle:\n  nested: map\n---\n', 'a.md')).toThrow(
      /invalid front matter title in a\.md: .*expected text/,
    );
    expect(() => readFrontMatter('---\ndate: sometime\n---\n', 'a.md')).toThrow(
      /invalid front matter date in a\.md: "sometime" \(expected a date such as 2024-05-01/,
    );
  });
});

describe('normaliseDate', () => {
  const cases: [unknown, string][] = [
    ['2024-05-01', '2024-05-01'],
    ['2024-5-1', '2024-05-01'],
    ['2024/05/01', '2024-05-01'],
    ['2024-05-01T10:30:00Z', '2024-05-01'],
    ['2024-05', '2024-05'],
    ['2024', '2024'],
    [2024, '2024'],
    ['1 May 2024', '2024-05-01'],
    ['May 1, 2024', '2024-05-01'],
    ['Sept. 9, 2023', '2023-09-09'],
    ['May 2024', '2024-05'],
    [new Date(Date.UTC(2021, 2, 4)), '2021-03-04'],
  ];
  for (const [value, expected] of cases) {
    it(`${String(value)} -> ${expected}`, () => expect(normaliseDate(value, 'date', 'a.md')).toBe(expected));
  }
  for (const bad of ['2024-13-01', '2024-02-30', 'Mayday 2024', 'yesterday', true, 20066]) {
    it(`rejects ${String(bad)}`, () => expect(() => normaliseDate(bad, 'date', 'a.md')).toThrow(InputError));
  }

  it('is absent when the closing line is over MAX_FRONT_MATTER_CHARS on (a thematic break)', () => {
    // 50,000 keys took the YAML parser 34 s (duplicate keys checked pairwise)
    const long = `---\n${'k: v\n'.repeat(MAX_FRONT_MATTER_CHARS / 4)}---\nText`;
    expect(readFrontMatter(long, 'a')).toMatchObject({ present: false, bodyStart: 0 });
    // near miss: just within the limit it is front matter
    const within = `---\ntitle: x\n${'#\n'.repeat(MAX_FRONT_MATTER_CHARS / 2 - 20)}---\nText`;
    expect(readFrontMatter(within, 'a')).toMatchObject({ present: true, meta: { title: 'x' } });
  });
});

describe('a front matter that is no mapping', () => {
  it('is refused in one line, however many lines it held (found by the fuzz target)', () => {
    const source = '---\n\n===\n\n```\n---\n\nIn 2006 about 10,000 workers came.\n';
    expect(() => readFrontMatter(source, 'x.md')).toThrow(
      /^invalid front matter in x\.md: found "===\\n```" \(expected/,
    );
    try {
      readFrontMatter(source, 'x.md');
    } catch (e) {
      expect((e as Error).message).not.toContain('\n');
    }
  });
});
