import { describe, expect, it } from 'vitest';
import type { ClaimRecord, EventRecord } from '../store/types.js';
import { input, located, places, unlocated } from './fixtures.js';
import { type AtlasFeature, exportGeoJson, geoJsonChunks } from './geojson.js';

interface Collection {
  type: string;
  features: AtlasFeature[];
}
const parse = (text: string) => JSON.parse(text) as Collection;

describe('exportGeoJson: places', () => {
  const fc = parse(exportGeoJson(input()));

  it('is a FeatureCollection of Point features', () => {
    expect(fc.type).toBe('FeatureCollection');
    for (const f of fc.features) {
      expect(f.type).toBe('Feature');
      expect(f.geometry.type).toBe('Point');
      expect(f.geometry.coordinates).toHaveLength(2);
    }
  });

  it('puts longitude first, as RFC 7946 says', () => {
    const khabarovsk = fc.features.find((f) => f.id === 'city:RU:khabarovsk')!;
    expect(khabarovsk.geometry.coordinates).toEqual([135.0838, 48.4827]);
    const south = fc.features.find((f) => f.id === 'city:US:santiago-west')!;
    expect(south.geometry.coordinates).toEqual([-70.66, -33.45]);
  });

  it('gives a place its id, name, kind and counts', () => {
    expect(fc.features[0]!.properties).toEqual({
      feature: 'place',
      id: 'city:RU:khabarovsk',
      name: 'Khabarovsk',
      kind: 'city',
      claims: 1,
      events: 0,
    });
  });

  it('leaves out a place without coordinates; by default no claim or event features', () => {
    expect(fc.features.map((f) => f.id)).toEqual(['city:RU:khabarovsk', 'city:US:santiago-west']);
  });

  it('leaves out coordinates off the globe; near miss: the edges are on it', () => {
    const edge = { ...places[0]!, id: 'edge', lat: -90, lon: 180 };
    const off = { ...places[0]!, id: 'off', lat: 91, lon: 10 };
    const nan = { ...places[0]!, id: 'nan', lat: Number.NaN, lon: 10 };
    const ids = parse(exportGeoJson(input({ places: [edge, off, nan] }))).features.map((f) => f.id);
    expect(ids).toEqual(['edge']);
  });
});

describe('exportGeoJson: claims and events on request', () => {
  const fc = parse(exportGeoJson(input(), { claims: true, events: true }));
  const byFeature = (kind: string) => fc.features.filter((f) => f.properties.feature === kind);

  it('adds a claim with a located place, with its citation', () => {
    const claims = byFeature('claim');
    expect(claims.map((f) => f.id)).toEqual(['c1']);
    expect(claims[0]!.geometry.coordinates).toEqual([135.0838, 48.4827]);
    expect(claims[0]!.properties).toMatchObject({
      feature: 'claim',
      id: 'c1',
      measure: 'population',
      low: 10000,
      high: 10000,
      approx: 'about',
      place_id: 'city:RU:khabarovsk',
      status: 'machine',
      citation: {
        title: 'North Koreans in Russia',
        url: 'https://en.wikipedia.org/wiki/North_Koreans_in_Russia',
        sentence: 'A 2006 study by Kyung Hee University estimated their total population at roughly 10,000.',
      },
    });
  });

  it('a claim without a place is not a feature', () => {
    expect(fc.features.some((f) => f.id === unlocated.id)).toBe(false);
  });

  it('near miss: a claim whose place has no coordinates is not a feature either', () => {
    const vague: ClaimRecord = { ...located, id: 'c9', place: { id: 'x', name: 'X', lat: null, lon: null } };
    const out = parse(exportGeoJson(input({ claims: [vague], events: [] }), { claims: true }));
    expect(out.features.some((f) => f.id === 'c9')).toBe(false);
  });

  it('adds an event with a located place', () => {
    const events = byFeature('event');
    expect(events.map((f) => [f.id, f.geometry.coordinates])).toEqual([['e1', [-70.66, -33.45]]]);
    expect(events[0]!.properties).toMatchObject({ type: 'deportation', actors: ['Russia'], time_edtf: '2017' });
  });

  it('claims only when asked: events stay out', () => {
    const only = parse(exportGeoJson(input(), { claims: true }));
    expect(only.features.some((f) => f.properties.feature === 'event')).toBe(false);
    const noPlace: EventRecord = { ...(input().events as EventRecord[])[0]!, id: 'e2', place: null };
    const ev = parse(exportGeoJson(input({ events: [noPlace] }), { events: true }));
    expect(ev.features.some((f) => f.id === 'e2')).toBe(false);
  });

  it('chunks concatenate to the export; an empty one parses', () => {
    expect([...geoJsonChunks(input(), { claims: true })].join('')).toBe(exportGeoJson(input(), { claims: true }));
    expect(parse(exportGeoJson(input({ places: [], claims: [], events: [] }), { claims: true }))).toEqual({
      type: 'FeatureCollection',
      features: [],
    });
  });
});
