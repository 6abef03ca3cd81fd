/**
 * GeoJSON export (RFC 7946): a FeatureCollection of Point features, positions [longitude,
 * latitude] in WGS 84. Places with coordinates always; claims and events with a located place on
 * request, each with its citation. Anything without usable coordinates is left out, never put at
 * [0, 0].
 */
import type { ClaimRecord, EventRecord, PlaceRecord } from '../store/types.js';
import { type Citation, citer, type ExportInput, position } from './common.js';

export interface GeoJsonExportOptions {
  /** add a feature per claim whose place has coordinates */
  claims?: boolean;
  /** add a feature per event whose place has coordinates */
  events?: boolean;
}

/** An RFC 7946 Point feature; `properties.feature` says which of the three it is. */
export interface PointFeature<P> {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: P;
}

export interface PlaceProperties {
  feature: 'place';
  id: string;
  name: string;
  kind: PlaceRecord['kind'];
  claims: number;
  events: number;
}

export interface ClaimProperties {
  feature: 'claim';
  id: string;
  document: string;
  text: string;
  measure: ClaimRecord['measure'];
  low: number | null;
  high: number | null;
  approx: ClaimRecord['value']['approx'];
  unit: string;
  per: string | null;
  group_kind: string | null;
  group_label: string | null;
  time_start: string | null;
  time_end: string | null;
  time_edtf: string | null;
  place_id: string;
  place_name: string;
  source: string | null;
  modality: ClaimRecord['modality'];
  status: ClaimRecord['status'];
  citation: Citation;
}

export interface EventProperties {
  feature: 'event';
  id: string;
  document: string;
  text: string;
  type: EventRecord['type'];
  time_start: string | null;
  time_end: string | null;
  time_edtf: string | null;
  place_id: string;
  place_name: string;
  actors: string[];
  citation: Citation;
}

export type AtlasFeature = PointFeature<PlaceProperties | ClaimProperties | EventProperties>;

const point = <P>(id: string, coordinates: [number, number], properties: P): PointFeature<P> => ({
  type: 'Feature',
  id,
  geometry: { type: 'Point', coordinates },
  properties,
});

/** The features, places first, then claims, then events; lazy, as csvLines. */
export function* geoJsonFeatures(input: ExportInput, options: GeoJsonExportOptions = {}): Generator<AtlasFeature> {
  for (const p of input.places) {
    const at = position(p.lat, p.lon);
    if (at) {
      yield point(p.id, at, {
        feature: 'place',
        id: p.id,
        name: p.name,
        kind: p.kind,
        claims: p.claims,
        events: p.events,
      });
    }
  }
  const cite = citer(input);
  if (options.claims) {
    for (const c of input.claims) {
      const at = c.place && position(c.place.lat, c.place.lon);
      if (!c.place || !at) continue;
      yield point(c.id, at, {
        feature: 'claim',
        id: c.id,
        document: c.document,
        text: c.text,
        measure: c.measure,
        low: c.value.low,
        high: c.value.high,
        approx: c.value.approx,
        unit: c.unit,
        per: c.per,
        group_kind: c.group?.kind ?? null,
        group_label: c.group?.label ?? null,
        time_start: c.time?.start ?? null,
        time_end: c.time?.end ?? null,
        time_edtf: c.time?.edtf ?? null,
        place_id: c.place.id,
        place_name: c.place.name,
        source: c.source,
        modality: c.modality,
        status: c.status,
        citation: cite(c),
      });
    }
  }
  if (options.events) {
    for (const e of input.events) {
      const at = e.place && position(e.place.lat, e.place.lon);
      if (!e.place || !at) continue;
      yield point(e.id, at, {
        feature: 'event',
        id: e.id,
        document: e.document,
        text: e.text,
        type: e.type,
        time_start: e.time?.start ?? null,
        time_end: e.time?.end ?? null,
        time_edtf: e.time?.edtf ?? null,
        place_id: e.place.id,
        place_name: e.place.name,
        actors: e.actors,
        citation: cite(e),
      });
    }
  }
}

/** The FeatureCollection in chunks that concatenate to it, one feature per line. */
export function* geoJsonChunks(input: ExportInput, options: GeoJsonExportOptions = {}): Generator<string> {
  yield '{"type": "FeatureCollection", "features": [';
  let first = true;
  for (const feature of geoJsonFeatures(input, options)) {
    yield `${first ? '\n' : ',\n'}${JSON.stringify(feature)}`;
    first = false;
  }
  yield first ? ']}\n' : '\n]}\n';
}

/**
 * The whole GeoJSON export as one string.
 * Example: JSON.parse(exportGeoJson(input)).features[0].geometry.coordinates -> [135.08, 48.48] (lon, lat).
 */
export function exportGeoJson(input: ExportInput, options: GeoJsonExportOptions = {}): string {
  return [...geoJsonChunks(input, options)].join('');
}
