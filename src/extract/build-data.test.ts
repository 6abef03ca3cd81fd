import { describe, expect, it } from 'vitest';
import { readBuildData } from './build-data.js';

describe('readBuildData', () => {
  it('reads a file the build wrote, at the version asked for', () => {
    expect(
      readBuildData<{ version: number; countries: unknown[] }>('country-words.json', 'x', 1).countries.length,
    ).toBeGreaterThan(200);
  });
  it('says how to make a missing file (near miss: no stack of fs errors)', () => {
    expect(() => readBuildData('no-such-file.json', 'the word list', 1)).toThrow(
      /^the word list is missing: .*no-such-file\.json was not found\. Run `npm run build`/,
    );
  });
  it('says how to rebuild a file of another version', () => {
    expect(() => readBuildData('gazetteer.json', 'the gazetteer', 99)).toThrow(
      'data/gazetteer.json has version 2, expected 99: run `npm run build` to rebuild it.',
    );
  });
});
