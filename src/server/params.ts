/**
 * Request parameters as zod schemas. Each one carries the message a user sees when it is bad,
 * in the CLI's form ("invalid from: 20x6 (expected a year such as 2006)"), so the one validation
 * hook can answer a 400 naming the parameter. Values the query layer resolves against the
 * gazetteer or the group lexicon (place, group, type) are only shape-checked here: the handlers
 * pass them to src/query/resolve.ts, exactly as the CLI does, and its InputError becomes the 400.
 */
import { z } from '@hono/zod-openapi';

/** Document ids are slugs (src/ingest/prepare.ts slugify): no dot, no slash, so no path tricks. */
export const DOCUMENT_ID = /^[a-z0-9][a-z0-9-]{0,99}$/;
/** Claim ids: `document:` then 10 hex digits, maybe `-N` for a passage written twice. */
export const CLAIM_ID = /^[a-z0-9][a-z0-9-]{0,99}:[a-z0-9]{1,40}(?:-[0-9]{1,9})?$/;
const YEAR = /^-?\d{1,4}$/;
const COUNT = /^\d{1,9}$/;

export const MAX_LIMIT = 5000;

/** A value as shown in a message: short, on one line. */
export function shown(value: unknown): string {
  const s = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  const line = s.replace(/[\r\n\t]+/g, ' ');
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}

/**
 * A schema's message for a bad value; nothing for a missing one, so the hook says `missing NAME`
 * (zod falls back to its own message, which issueMessage replaces).
 */
export const bad =
  (message: (input: string) => string) =>
  (iss: { input?: unknown }): string | undefined =>
    iss.input === undefined ? undefined : message(shown(iss.input));

export const year = (name: string) =>
  z
    .string()
    .regex(YEAR, { error: bad((v) => `invalid ${name}: ${v} (expected a year such as 2006)`) })
    .optional()
    .openapi({ description: 'a year, inclusive', example: '2006' });

export const count = (name: string, min: number, max: number, description: string) =>
  z
    .string()
    .regex(COUNT, { error: bad((v) => `invalid ${name}: ${v} (expected a whole number from ${min} to ${max})`) })
    .refine((s) => Number(s) >= min && Number(s) <= max, {
      error: bad((v) => `invalid ${name}: ${v} (expected a whole number from ${min} to ${max})`),
    })
    .optional()
    .openapi({ description, example: String(Math.max(min, Math.min(max, 100))) });

export const text = (name: string, max: number, description: string, example?: string) =>
  z
    .string()
    .max(max, { error: () => `invalid ${name}: longer than ${max} characters` })
    .optional()
    .openapi({ description, ...(example ? { example } : {}) });

export const documentId = (name: string, where: 'query' | 'path') => {
  const s = z
    .string()
    .regex(DOCUMENT_ID, {
      error: bad((v) => `invalid ${name}: ${v} (expected a document id such as north-koreans-in-russia)`),
    })
    .openapi({
      description: 'document id (a slug)',
      example: 'north-koreans-in-russia',
      ...(where === 'path' ? { param: { name, in: 'path' as const } } : {}),
    });
  return s;
};

export const oneOf = <const T extends readonly [string, ...string[]]>(name: string, values: T, description: string) =>
  z
    .enum(values, { error: bad((v) => `invalid ${name}: ${v} (expected ${values.join(', ')})`) })
    .optional()
    .openapi({ description, example: values[0] });

export const flag = (name: string, description: string) =>
  z
    .enum(['1', '0', 'true', 'false'], { error: bad((v) => `invalid ${name}: ${v} (expected 1 or 0)`) })
    .optional()
    .openapi({ description });

export const isSet = (v: string | undefined) => v === '1' || v === 'true';

/**
 * The one message for a failed validation: the schema's own when it names the parameter,
 * otherwise one built from the path and the raw value.
 */
export function issueMessage(issue: z.core.$ZodIssue, raw: unknown, target: string): string {
  const name = issue.path.map(String).join('.') || target;
  if (/^(?:invalid|unknown|missing) /.test(issue.message)) return issue.message;
  if (raw === undefined) return target === 'json' && name === target ? 'missing JSON body' : `missing ${name}`;
  if (Array.isArray(raw) && target === 'query') return `invalid ${name}: given more than once (give it once)`;
  return `invalid ${name}: ${shown(raw)} (${issue.message.replace(/^Invalid input: /, '')})`;
}
