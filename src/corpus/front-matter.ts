import { InputError } from '../errors.js';
import { yamlParser } from './parsers.js';
import type { DocumentMeta } from './types.js';

/** Front matter found at the start of a document. `bodyStart` is where the document proper begins. */
export interface FrontMatter {
  meta: DocumentMeta;
  /** offset of the first character after the closing `---` line (0 when there is none) */
  bodyStart: number;
  /** true when the document had a front matter block */
  present: boolean;
}

const EMPTY_META: DocumentMeta = { title: null, source: null, date: null, licence: null };

/** Reads the end of the line starting at `i`: [content end, next line start]. */
function lineAt(source: string, i: number): [number, number] {
  const nl = source.indexOf('\n', i);
  if (nl < 0) return [source.length, source.length];
  return [nl > i && source.charCodeAt(nl - 1) === 13 ? nl - 1 : nl, nl + 1];
}

const isFence = (line: string, marks: readonly string[]): boolean => marks.includes(line.trimEnd());

/**
 * The longest front matter read, in characters. A closing `---` further on is a Markdown thematic
 * break, not the end of front matter (real front matter is a few lines). Why a limit at all: the
 * YAML parser checks map keys for duplicates pairwise, so 50,000 `key: value` lines (0.7 MB) took
 * 34 s.
 */
export const MAX_FRONT_MATTER_CHARS = 64 * 1024;

/**
 * Finds and parses YAML front matter: a `---` line at the very start (after an optional BOM),
 * YAML, then a `---` (or `...`) line within MAX_FRONT_MATTER_CHARS. Without a closing line it is
 * not front matter (a Markdown thematic break, say). Throws InputError naming `path` when the
 * YAML is malformed or a field has a value we cannot use.
 * Example: "---\ntitle: Koreans in Kamchatka\ndate: 2020-05-01\n---\nText" -> title, date, bodyStart 52.
 */
export function readFrontMatter(source: string, path: string): FrontMatter {
  const open = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  const none: FrontMatter = { meta: { ...EMPTY_META }, bodyStart: open, present: false };
  if (!source.startsWith('---', open)) return none;
  const [openEnd, yamlStart] = lineAt(source, open);
  if (!isFence(source.slice(open, openEnd), ['---']) || yamlStart === openEnd) return none;
  let i = yamlStart;
  while (i < source.length && i - yamlStart <= MAX_FRONT_MATTER_CHARS) {
    const [end, next] = lineAt(source, i);
    if (isFence(source.slice(i, end), ['---', '...'])) {
      const meta = parseMeta(source.slice(yamlStart, i), path);
      return { meta, bodyStart: next, present: true };
    }
    if (next === i) break;
    i = next;
  }
  return none;
}

/** what was found, on one line and short: an error message is one line (the fuzz target found one that was not) */
function quoted(found: string): string {
  const one = JSON.stringify(found);
  return one.length > 60 ? `${one.slice(0, 57)}..."` : one;
}

function parseMeta(yamlText: string, path: string): DocumentMeta {
  let data: unknown;
  try {
    data = yamlParser().parse(yamlText);
  } catch (error) {
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    throw new InputError(
      `invalid front matter in ${path}: ${message} (expected YAML "key: value" lines between the opening and closing ---)`,
    );
  }
  if (data === null || data === undefined) return { ...EMPTY_META };
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new InputError(
      `invalid front matter in ${path}: found ${Array.isArray(data) ? 'a list' : quoted(String(data))} (expected "key: value" pairs such as "title: ...")`,
    );
  }
  const fields = new Map<string, unknown>();
  for (const [key, value] of Object.entries(data)) fields.set(key.toLowerCase(), value);
  const pick = (...keys: string[]): [string, unknown] | null => {
    for (const key of keys) {
      const value = fields.get(key);
      if (value !== undefined && value !== null && value !== '') return [key, value];
    }
    return null;
  };
  const text = (entry: [string, unknown] | null): string | null => {
    if (entry === null) return null;
    const [key, value] = entry;
    if (typeof value === 'string') return value.trim() || null;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    throw new InputError(`invalid front matter ${key} in ${path}: ${JSON.stringify(value)} (expected text)`);
  };
  const date = pick('date', 'published', 'published_at');
  return {
    title: text(pick('title')),
    source: text(pick('source', 'url', 'source_url')),
    date: date === null ? null : normaliseDate(date[1], date[0], path),
    licence: text(pick('licence', 'license')),
  };
}

const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** "May", "Sept", "September" -> 5, 9, 9; "Mayday" -> undefined. */
function monthNumber(word: string): number | undefined {
  const lower = word.toLowerCase();
  if (lower === 'sept') return 9;
  const k = MONTH_NAMES.findIndex((name) => lower.length >= 3 && name.startsWith(lower));
  return k < 0 ? undefined : k + 1;
}
const ISO = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$/;
const DAY_MONTH_YEAR = /^(?:(\d{1,2})(?:st|nd|rd|th)?\s+)?([A-Za-z]{3,9})\.?,?\s+(\d{4})$/;
const MONTH_DAY_YEAR = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/;

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * A front matter date as ISO 8601 at the precision given: "2024-05-01", "2024-05" or "2024".
 * Accepts ISO dates (with or without time), "2024/5/1", "1 May 2024", "May 1, 2024", "May 2024",
 * a bare year and a YAML timestamp.
 */
export function normaliseDate(value: unknown, key: string, path: string): string {
  const invalid = () =>
    new InputError(
      `invalid front matter ${key} in ${path}: ${JSON.stringify(value instanceof Date ? String(value) : value)} (expected a date such as 2024-05-01, 2024-05 or 2024)`,
    );
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw invalid();
    return value.toISOString().slice(0, 10);
  }
  const raw = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : null;
  if (raw === null) throw invalid();
  let year: number;
  let month: number | undefined;
  let day: number | undefined;
  const iso = ISO.exec(raw);
  const dmy = iso ? null : DAY_MONTH_YEAR.exec(raw);
  const mdy = iso || dmy ? null : MONTH_DAY_YEAR.exec(raw);
  if (iso) {
    year = Number(iso[1]);
    month = iso[2] === undefined ? undefined : Number(iso[2]);
    day = iso[3] === undefined ? undefined : Number(iso[3]);
  } else if (dmy) {
    year = Number(dmy[3]);
    month = monthNumber(dmy[2] ?? '');
    if (month === undefined) throw invalid();
    day = dmy[1] === undefined ? undefined : Number(dmy[1]);
  } else if (mdy) {
    year = Number(mdy[3]);
    month = monthNumber(mdy[1] ?? '');
    if (month === undefined) throw invalid();
    day = Number(mdy[2]);
  } else {
    throw invalid();
  }
  if (month === undefined) return String(year);
  if (month < 1 || month > 12) throw invalid();
  if (day === undefined) return `${year}-${pad(month)}`;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) throw invalid();
  return `${year}-${pad(month)}-${pad(day)}`;
}
