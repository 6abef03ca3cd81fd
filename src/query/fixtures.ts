/**
 * Small hand-made stores for the query tests: each document is a list of sentences, each with
 * at most one claim described field by field, so a test reads like the situation it sets up
 * ("two sources, 10,000 and 20,000 workers in Russia in 2006").
 */
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClaimJson, EventJson } from '../extract/index.js';
import { getPlace } from '../extract/places/index.js';
import type { Approx, EventType, GroupKind, Measure, Modality } from '../extract/types.js';
import { openStore } from '../store/open.js';
import type { DocumentInput, PlaceRecord, Store } from '../store/types.js';

export interface ClaimSpec {
  /** the sentence; `quote` must occur in it */
  sentence: string;
  quote: string;
  low: number | null;
  high?: number | null;
  approx?: Approx;
  unit?: string;
  per?: string | null;
  measure?: Measure;
  group?: GroupKind | null;
  label?: string;
  /** a year, or [start, end] as ISO partial dates (null for open) */
  time?: number | [string | null, string | null] | null;
  /** a gazetteer id: RU, RU-PRI, city:RU:vladivostok... */
  place?: string | null;
  source?: string | null;
  modality?: Modality;
  /** which of group, place and time were carried from elsewhere (the extractor's `implied`) */
  implied?: { group?: boolean; place?: boolean; time?: boolean };
}

export interface EventSpec {
  sentence: string;
  trigger: string;
  type: EventType;
  time?: number | [string | null, string | null] | null;
  place?: string | null;
  actors?: string[];
}

function placeOf(id: string | null | undefined) {
  if (!id) return null;
  const p = getPlace(id);
  if (!p) throw new Error(`fixture: unknown place ${id}`);
  return { name: p.name, lat: p.lat, lon: p.lon, id: p.id };
}

/** a value marked as carried from elsewhere when `yes` */
function carried<T extends object>(value: T | null, yes: boolean | undefined): (T & { implied?: string }) | null {
  return value && yes ? { ...value, implied: 'previous sentence' } : value;
}

function timeOf(t: ClaimSpec['time']) {
  if (t === undefined || t === null) return null;
  const [start, end] = typeof t === 'number' ? [String(t), String(t)] : t;
  return { start, end, edtf: `${start ?? '..'}/${end ?? '..'}`, precision: 'year' as const };
}

export function documentWith(
  id: string,
  items: (ClaimSpec | EventSpec)[],
  meta: { title?: string; source?: string } = {},
): DocumentInput {
  let text = '';
  const sentences: DocumentInput['sentences'] = [];
  const claims: DocumentInput['claims'] = [];
  const events: DocumentInput['events'] = [];
  const placeIds = new Set<string>();
  for (const item of items) {
    const start = text.length;
    text += `${item.sentence} `;
    const sentence: [number, number] = [start, start + item.sentence.length];
    const index = sentences.length;
    sentences.push({ index, start, end: sentence[1], section: null });
    if ('quote' in item) {
      const at = start + item.sentence.indexOf(item.quote);
      if (at < start) throw new Error(`fixture: "${item.quote}" not in "${item.sentence}"`);
      const claim: ClaimJson & { sentenceIndex: number } = {
        span: [at, at + item.quote.length],
        text: item.quote,
        sentence,
        measure: item.measure ?? 'population',
        value: { low: item.low, high: item.high === undefined ? item.low : item.high, approx: item.approx ?? 'exact' },
        unit: item.unit ?? 'person',
        per: item.per ?? null,
        group: item.group
          ? {
              kind: item.group,
              label: item.label ?? item.group,
              ...(item.implied?.group ? { implied: 'previous sentence' } : {}),
            }
          : null,
        time: carried(timeOf(item.time), item.implied?.time),
        place: carried(placeOf(item.place), item.implied?.place),
        source: item.source ?? null,
        modality: item.modality ?? 'asserted',
        rule: 'fixture',
        sentenceIndex: index,
      };
      claims.push(claim);
      if (item.place) placeIds.add(item.place);
    } else {
      const at = start + item.sentence.indexOf(item.trigger);
      const event: EventJson & { sentenceIndex: number } = {
        span: [at, at + item.trigger.length],
        text: item.trigger,
        sentence,
        type: item.type,
        time: timeOf(item.time),
        place: placeOf(item.place),
        actors: item.actors ?? [],
        sentenceIndex: index,
      };
      events.push(event);
      if (item.place) placeIds.add(item.place);
    }
  }
  const places: PlaceRecord[] = [];
  const add = (pid: string) => {
    if (places.some((p) => p.id === pid)) return;
    const p = getPlace(pid);
    if (!p) return;
    places.push({ id: p.id, name: p.name, kind: p.kind, lat: p.lat, lon: p.lon, parents: p.parents });
    for (const parent of p.parents) add(parent);
  };
  for (const pid of placeIds) add(pid);
  return {
    id,
    title: meta.title ?? `Document ${id}`,
    source: meta.source ?? `https://example.org/${id}`,
    date: null,
    licence: null,
    format: 'text',
    hash: createHash('sha256').update(text).digest('hex'),
    path: null,
    extractor: 'fixture',
    text,
    sections: [],
    sentences,
    claims,
    events,
    places,
    entities: [],
  };
}

/** a fresh SQLite store in a temporary folder, holding the given documents */
export async function storeWith(...docs: DocumentInput[]): Promise<Store> {
  const store = await openStore(join(mkdtempSync(join(tmpdir(), 'atlas-query-')), 'atlas.db'));
  for (const d of docs) await store.putDocument(d);
  return store;
}
