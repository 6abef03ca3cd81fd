import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { align } from './align.js';

/** For each decoded character, the source text it came from. */
function origins(raw: string, decoded: string, base = 100): string[] {
  const out: string[] = [];
  align(raw, base, decoded, (ds, de, ss, se, verbatim) => {
    for (let k = ds; k < de; k++) {
      out.push(verbatim ? raw.slice(ss - base + (k - ds), ss - base + (k - ds) + 1) : raw.slice(ss - base, se - base));
    }
  });
  return out;
}

describe('align', () => {
  it('maps character references to the whole reference', () => {
    expect(origins('AT&amp;T &#8217;s', 'AT&T ’s')).toEqual(['A', 'T', '&amp;', 'T', ' ', '&#8217;', 's']);
    expect(origins('&#x1F600;!', '😀!')).toEqual(['&#x1F600;', '&#x1F600;', '!']);
    expect(origins('&NotEqualTilde;x', '≂̸x')).toEqual(['&NotEqualTilde;', '&NotEqualTilde;', 'x']);
  });

  it('keeps an undecoded ampersand verbatim', () => {
    expect(origins('R&D &', 'R&D &')).toEqual(['R', '&', 'D', ' ', '&']);
  });

  it('undoes CRLF, escapes, dropped indentation and block-quote markers', () => {
    expect(origins('a\r\nb', 'a\nb')).toEqual(['a', '\r\n', 'b']);
    expect(origins('5\\% x', '5% x')).toEqual(['5', '\\%', ' ', 'x']);
    expect(origins('foo\n>   bar', 'foo\nbar')).toEqual(['f', 'o', 'o', '\n', 'b', 'a', 'r']);
  });

  it('stays in order and inside the node for any pair of strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.string({ maxLength: 60 }), (raw, decoded) => {
        let nextDecoded = 0;
        let lastSource = 100;
        align(raw, 100, decoded, (ds, de, ss, se) => {
          expect(ds).toBe(nextDecoded);
          expect(de).toBeGreaterThan(ds);
          expect(ss).toBeGreaterThanOrEqual(lastSource);
          expect(se).toBeGreaterThanOrEqual(ss);
          expect(se).toBeLessThanOrEqual(100 + raw.length);
          nextDecoded = de;
          lastSource = ss;
        });
        expect(nextDecoded).toBe(decoded.length);
      }),
    );
  });

  it('resynchronises past characters the parser dropped, never mapping the rest to nothing', () => {
    // parse5 drops NUL in HTML text: "ab\0\00" is read "ab0", and "0" came from the last "0"
    expect(origins('ab\0\x000', 'ab0')).toEqual(['a', 'b', '0']);
    expect(origins('ab. \0\0 0', 'ab.  0').slice(4)).toEqual([' ', '0']);
  });
});
